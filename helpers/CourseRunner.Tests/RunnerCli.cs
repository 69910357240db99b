using System.Diagnostics;
using CourseRunner.Tests.CourseNotebooks;

namespace CourseRunner.Tests;

/// <summary>The built runner, driven as a learner or CI drives it: <c>dotnet CourseRunner.dll …</c> in a child process.</summary>
internal static class RunnerCli
{
    /// <summary>The Release build of the runner that <c>dotnet build</c> writes.</summary>
    public static string RunnerDll => Existing(Repository.RunnerDll);

    /// <summary>The Release build of the helper library that notebooks <c>#r</c>.</summary>
    public static string BackendLabDll => Existing(Repository.BackendLabDll);

    /// <summary>Runs the CLI with <paramref name="args"/> and returns its exit code and everything it printed.</summary>
    public static Task<(int Exit, string Stdout)> RunAsync(TimeSpan limit, params string[] args) => RunAsync(limit, null, args);

    /// <summary>Runs the CLI with <paramref name="args"/> and the environment variables <paramref name="environment"/> (e.g. <c>CI</c>).</summary>
    public static async Task<(int Exit, string Stdout)> RunAsync(TimeSpan limit, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.ArgumentList.Add(RunnerDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the runner did not finish within {limit}: {await stdout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <inheritdoc cref="RunAsync(TimeSpan, string[])"/>
    public static Task<(int Exit, string Stdout)> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(3), args);

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"Run `dotnet build` at the repository root first: {path} not found.");

}
