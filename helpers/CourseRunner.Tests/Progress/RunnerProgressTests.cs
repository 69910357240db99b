using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using CourseRunner.Tests.CourseNotebooks;

namespace CourseRunner.Tests;

/// <summary>The runner never reads or writes a learner's progress, even when nothing around it switched progress off.</summary>
public class RunnerProgressTests
{
    [Fact]
    public void This_test_process_has_progress_off() => Assert.Equal("off", Environment.GetEnvironmentVariable("BACKENDLAB_PROGRESS"));

    [Fact]
    public async Task A_solutions_run_leaves_the_profile_folder_untouched_and_start_here_says_progress_is_off()
    {
        var temp = Directory.CreateTempSubdirectory("runner-progress-").FullName;
        try
        {
            var profile = new[] { "home", "data", "local" }.Select(f => Directory.CreateDirectory(Path.Combine(temp, f)).FullName).ToArray();
            var outDir = Path.Combine(temp, "out");
            var (exit, output) = await RunnerAsync(outDir, env =>
            {
                env.Remove("BACKENDLAB_PROGRESS"); // as a learner's terminal has it
                env["HOME"] = env["USERPROFILE"] = profile[0];
                env["XDG_DATA_HOME"] = profile[1];
                env["LOCALAPPDATA"] = profile[2];
                // The runner restores the pinned kernel tool: let it find the machine's package folder, as it would.
                env["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages ? packages
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            }, Path.Combine(Repository.NotebooksFolder, "00-start-here.ipynb"), Path.Combine(Repository.NotebooksFolder, "01-backend-basics.ipynb"));

            Assert.True(exit == 0, $"the runner failed (exit {exit}):\n{output}");
            // 01-backend-basics ran its checks (all correct with --solutions: the exit code says so), and recorded nothing.
            // The .NET tools leave their own first-use files in a new HOME; the course's progress folder must not appear.
            var written = profile.SelectMany(f => Directory.GetFileSystemEntries(f, "*", SearchOption.AllDirectories))
                .Where(p => p.Contains("backend-fundamentals-csharp", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("progress", StringComparison.Ordinal))
                .ToList();
            Assert.True(written.Count == 0, "the run wrote a progress record into the profile folder: " + string.Join(", ", written));
            var start = Strings(JsonNode.Parse(File.ReadAllText(Directory.GetFiles(outDir, "00-start-here.ipynb", SearchOption.AllDirectories).Single())));
            Assert.Contains("data-backendlab-progress=\"off\"", start);
            Assert.Contains("BACKENDLAB_PROGRESS=off", start);
        }
        finally { Directory.Delete(temp, recursive: true); }
    }

    /// <summary>Every string in the executed notebook's JSON, joined: its outputs as the kernel wrote them, unescaped.</summary>
    static string Strings(JsonNode? node) => node switch
    {
        JsonObject o => string.Join('\n', o.Select(p => Strings(p.Value))),
        JsonArray a => string.Join('\n', a.Select(Strings)),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => "",
    };

    static async Task<(int Exit, string Output)> RunnerAsync(string outDir, Action<IDictionary<string, string?>> environment, params string[] notebooks)
    {
        Assert.True(File.Exists(Repository.RunnerDll), $"Build the runner first (dotnet build): {Repository.RunnerDll} is missing.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Repository.RunnerDll, .. notebooks, "--solutions", "--out", outDir]) start.ArgumentList.Add(a);
        environment(start.Environment);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
