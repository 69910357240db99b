using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace BackendLab.Lessons.L00StartHere;

/// <summary>
/// The checks of <c>00-start-here</c>: each returns a <see cref="SetupLine"/>, a ✔ or ✘ line with what was found
/// and, on ✘, what to do about it.
/// </summary>
public static class SetupCheck
{
    /// <summary>The .NET runtime this notebook runs on (the course needs .NET 10 or later).</summary>
    public static SetupLine Runtime() =>
        That(Environment.Version.Major >= 10, $"runtime: {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}",
            fix: "install the .NET 10 SDK (https://dotnet.microsoft.com/download) and restart VS Code");

    /// <summary>The .NET SDK that <c>dotnet --version</c> reports in this folder (it builds BackendLab; the course needs 10 or later).</summary>
    public static SetupLine Sdk()
    {
        const string fix = "install the .NET 10 SDK and make sure `dotnet` is on your PATH";
        try
        {
            var start = new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20))) { process.Kill(); return That(false, "SDK: `dotnet --version` did not answer within 20 s", fix); }
            var version = output.Result.Trim();
            var ok = process.ExitCode == 0 && Version.TryParse(version.Split('-')[0], out var v) && v.Major >= 10;
            return That(ok, $"SDK: dotnet --version says {(version.Length > 0 ? version : "nothing")}", fix);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return That(false, $"SDK: could not run `dotnet --version` ({e.Message})", fix);
        }
    }

    /// <summary>The BackendLab library this notebook loaded: its version, where it was loaded from and when it was built.</summary>
    public static SetupLine HelperLibrary()
    {
        var assembly = typeof(SetupCheck).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "?";
        var path = assembly.Location;
        var built = File.Exists(path) ? $", built {File.GetLastWriteTime(path):yyyy-MM-dd HH:mm}" : "";
        return That(path.Length > 0, $"helper library: BackendLab {version} from {path}{built}",
            fix: "run `dotnet build` at the repository root, then restart the notebook");
    }

    /// <summary>The number of CPU cores this process may use (lessons on concurrency need at least 2).</summary>
    public static SetupLine Cores() =>
        That(Environment.ProcessorCount >= 2, $"cores: {Environment.ProcessorCount} (Environment.ProcessorCount)",
            fix: "give the container or machine at least 2 CPU cores; concurrency lessons need them");

    /// <summary>A line of your own: ✔ <paramref name="what"/> when <paramref name="ok"/>, else ✘ with <paramref name="fix"/>.</summary>
    /// <param name="ok">Whether the check passed.</param>
    /// <param name="what">What was checked and found, e.g. "server answered in 1.2 ms".</param>
    /// <param name="fix">What to do when it failed. Default: none.</param>
    public static SetupLine That(bool ok, string what, string? fix = null) => new(ok, what ?? "", fix);
}
