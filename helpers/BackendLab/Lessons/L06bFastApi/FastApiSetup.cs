using System.Diagnostics;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06bFastApi;

/// <summary>
/// Which Python runs lesson 6b's FastAPI twin, and the versions it has, found by running <c>serve.py --versions</c>.
/// The interpreter is <c>BACKENDLAB_PYTHON</c> when set (only that one is tried); otherwise the first of
/// <c>/usr/bin/python3</c> (Debian's, where apt installs python3-fastapi), <c>python3</c>, <c>python</c> and <c>py</c>
/// that imports fastapi and uvicorn. Shows as a ✓ line with the versions, or as a "skipped" box saying how to install
/// them; <see cref="IsAvailable"/> tells the lesson's cells whether to start the Python servers.
/// <code>var python = FastApiSetup.Find();</code>
/// </summary>
public sealed class FastApiSetup : IHtmlContent
{
    /// <summary>The environment variable naming the Python interpreter to use (an absolute path or a command on PATH).</summary>
    public const string PythonVariable = "BACKENDLAB_PYTHON";

    FastApiSetup(string? interpreter, IReadOnlyDictionary<string, string> versions, string? problem) =>
        (Interpreter, Versions, Problem) = (interpreter, versions, problem);

    /// <summary>True when an interpreter with fastapi and uvicorn was found.</summary>
    public bool IsAvailable => Problem is null;
    /// <summary>The interpreter that will run the servers, or the first one tried when none fits.</summary>
    public string? Interpreter { get; }
    /// <summary>Why the Python servers cannot run, or null.</summary>
    public string? Problem { get; }
    /// <summary>What <c>serve.py --versions</c> printed: keys python, fastapi, uvicorn, loop (uvloop or asyncio), http (httptools or h11).</summary>
    public IReadOnlyDictionary<string, string> Versions { get; }

    /// <summary>One line, e.g. <c>Python 3.11.2, FastAPI 0.92.0, uvicorn 0.17.6 (loop uvloop, http httptools)</c>.</summary>
    public string VersionLine => IsAvailable
        ? $"Python {Versions["python"]}, FastAPI {Versions["fastapi"]}, uvicorn {Versions["uvicorn"]} (loop {Versions["loop"]}, http {Versions["http"]})"
        : "not available";

    /// <summary>How to install what is missing on this operating system.</summary>
    public static string InstallHint =>
        OperatingSystem.IsLinux() ? "sudo apt-get install python3-fastapi python3-uvicorn python3-uvloop python3-httptools   (Debian, Ubuntu; the devcontainer has them)"
        : OperatingSystem.IsWindows() ? $"py -m pip install fastapi \"uvicorn[standard]\"   (or set {PythonVariable} to a python.exe that has them)"
        : $"python3 -m venv ~/fastapi && ~/fastapi/bin/pip install fastapi \"uvicorn[standard]\", then set {PythonVariable}=~/fastapi/bin/python";

    /// <summary>Finds the interpreter (see the class summary). Takes a second or so: each candidate imports FastAPI once.</summary>
    /// <param name="interpreter">Try only this interpreter. Default: <c>BACKENDLAB_PYTHON</c>, else the usual candidates.</param>
    public static FastApiSetup Find(string? interpreter = null)
    {
        interpreter ??= Environment.GetEnvironmentVariable(PythonVariable) is { Length: > 0 } configured ? configured : null;
        string serve;
        try { serve = FastApiTwinFiles.ServeScript(); }
        catch (FileNotFoundException e) { return new(interpreter, new Dictionary<string, string>(), e.Message); }
        var candidates = interpreter is not null ? [interpreter]
            : OperatingSystem.IsWindows() ? new[] { "py", "python", "python3" } : ["/usr/bin/python3", "python3", "python"];
        string? firstProblem = null;
        foreach (var candidate in candidates)
        {
            var (versions, problem) = Probe(candidate, serve);
            if (problem is null) return new(candidate, versions, null);
            firstProblem ??= problem;
        }
        return new(candidates[0], new Dictionary<string, string>(), firstProblem);
    }

    static (Dictionary<string, string> Versions, string? Problem) Probe(string interpreter, string serve)
    {
        var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { serve, "--versions" }) start.ArgumentList.Add(arg);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        Process? process;
        try { process = Process.Start(start); }
        catch (System.ComponentModel.Win32Exception e) { return ([], $"no Python at '{interpreter}' ({e.Message})"); }
        if (process is null) return ([], $"could not start '{interpreter}'");
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20))) { process.Kill(); return ([], $"'{interpreter}' did not answer within 20 s"); }
            var lines = output.Result.Split('\n').Select(l => l.Trim()).ToList();
            if (lines.FirstOrDefault(l => l.StartsWith("FASTAPI MISSING ", StringComparison.Ordinal)) is { } missing)
                return ([], $"'{interpreter}' lacks a package: {missing["FASTAPI MISSING ".Length..]}");
            var line = lines.FirstOrDefault(l => l.StartsWith("FASTAPI VERSIONS ", StringComparison.Ordinal));
            if (line is null) return ([], $"'{interpreter}' could not run serve.py: {errors.Result.Trim()}");
            return (line["FASTAPI VERSIONS ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(kv => kv.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]), null);
        }
    }

    /// <summary>The line shown in a notebook.</summary>
    public override string ToString() => IsAvailable
        ? $"{VersionLine}, from {Interpreter}"
        : $"FastAPI skipped: {Problem}. Install: {InstallHint}";

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(IsAvailable
        ? $"<div style=\"{Html.Font}\" data-backendlab-python=\"ok\">🐍 {Html.Encode(ToString())}</div>"
        : Box.Skipped("FastAPI skipped", $"{Problem}. The Python servers are left out; the Kestrel measurements still run.", $"To install them: {InstallHint}"));
}
