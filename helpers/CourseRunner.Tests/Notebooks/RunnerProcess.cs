using System.Diagnostics;
using System.Text;

namespace CourseRunner.Tests.CourseNotebooks;

/// <summary>What one run of the built runner did.</summary>
sealed record RunnerRun(string Notebook, bool Solutions, int ExitCode, TimeSpan Elapsed, string Output, string OutDir)
{
    /// <summary>The executed notebook the runner wrote under <see cref="OutDir"/>, found by file name.</summary>
    public SavedNotebook Executed()
    {
        var name = Path.GetFileName(Notebook);
        var found = Directory.Exists(OutDir)
            ? Directory.GetFiles(OutDir, name, SearchOption.AllDirectories)
            : [];
        Assert.True(found.Length == 1,
            $"The runner should write exactly one executed '{name}' under {OutDir}; found {found.Length}.\n{Describe()}");
        return new SavedNotebook(found[0]);
    }

    public string Describe() =>
        $"runner exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s{(Solutions ? " (--solutions)" : "")}; its output:\n{Tail(Output, 4000)}";

    static string Tail(string text, int max) => text.Length <= max ? text : "…" + text[^max..];
}

/// <summary>Runs the Release build of CourseRunner as a child process, the way the README's command does.</summary>
static class RunnerProcess
{
    /// <summary>Longer than any notebook's budget; a hung runner is killed (with its children) and reported.</summary>
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<RunnerRun> RunAsync(string notebookPath, bool solutions)
    {
        Assert.True(File.Exists(Repository.RunnerDll), $"Build the runner first (dotnet build): {Repository.RunnerDll} is missing.");
        Assert.True(File.Exists(Repository.BackendLabDll), $"Build BackendLab first (dotnet build): {Repository.BackendLabDll} is missing.");

        var outDir = Path.Combine(Repository.Root, "artifacts", "notebook-suite",
            Path.GetFileNameWithoutExtension(notebookPath) + (solutions ? ".solutions" : ""));
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.RunnerDll);
        start.ArgumentList.Add(notebookPath);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(outDir);
        if (solutions) start.ArgumentList.Add("--solutions");

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The runner did not finish {Path.GetFileName(notebookPath)} within {Limit.TotalMinutes} minutes.\n{output}");
        }
        process.WaitForExit(); // flushes the redirected streams
        return new RunnerRun(notebookPath, solutions, process.ExitCode, stopwatch.Elapsed, output.ToString(), outDir);
    }
}
