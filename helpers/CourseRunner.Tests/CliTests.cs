using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CourseRunner.Tests;

/// <summary>End to end: the built CLI as a subprocess, one worker process per notebook.</summary>
public class CliTests
{
    private static readonly string RunnerDll = FindRunner();

    [Fact]
    public async Task A_passing_notebook_exits_0_and_writes_notebooks_and_site()
    {
        var notebook = new TempNotebook(name: "good").Markdown("# Good").Code("Console.WriteLine(\"hi\");", "6 * 7");
        var output = Path.Combine(notebook.Folder, "out");

        var (exit, stdout) = await RunCliAsync(notebook.Save(), "--out", output);

        Assert.True(exit == 0, stdout);
        Assert.Contains("  cell   2  ok", stdout);
        Assert.Contains("good.ipynb: ok, 0 of 2 code cells failed", stdout);
        Assert.Contains("Summary: 1 notebook(s): 1 ok, 0 failed", stdout);
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "notebooks", "good.ipynb")))!;
        Assert.Equal("hi\n", executed["cells"]![1]!["outputs"]![0]!["text"]![0]!.ToString());
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "good.html")));
        Assert.True(File.Exists(Path.Combine(output, "assets", "plotly.min.js")));
    }

    [Fact]
    public async Task A_failing_cell_or_a_malformed_notebook_exits_1_and_the_others_still_run()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-cli-").FullName;
        File.WriteAllText(Path.Combine(folder, "a-bad-json.ipynb"), "{");
        new TempNotebook(folder, "b-failing").Code("var y = 1", "1 + 1").Save();
        new TempNotebook(folder, "c-good").Code("1 + 1").Save();

        var (exit, stdout) = await RunCliAsync(folder, "--out", Path.Combine(folder, "out"));

        Assert.Equal(1, exit);
        Assert.Contains("REJECTED  a-bad-json.ipynb: not a readable notebook", stdout);
        Assert.Contains("cell   1  FAILED ", stdout);
        Assert.Contains("(1,10): error CS1002: ; expected", stdout);
        Assert.Contains("b-failing.ipynb: FAILED, 1 of 2 code cells failed", stdout);
        Assert.Contains("c-good.ipynb: ok", stdout);
        Assert.Contains("Summary: 3 notebook(s): 1 ok, 2 failed; 1 failed cell(s)", stdout);
    }

    [Fact]
    public async Task A_hung_cell_is_stopped_by_the_timeout_and_the_next_notebook_runs_in_a_fresh_process()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-cli-").FullName;
        new TempNotebook(folder, "a-hangs").Code("AppDomain.CurrentDomain.SetData(\"left-over\", \"state\");",
            "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);", "1").Save();
        new TempNotebook(folder, "b-fresh").Code("AppDomain.CurrentDomain.GetData(\"left-over\")").Save();
        var clock = Stopwatch.StartNew();

        var (exit, stdout) = await RunCliAsync(folder, "--cell-timeout", "10", "--out", Path.Combine(folder, "out"));

        Assert.True(exit == 1, stdout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), stdout);
        Assert.True(stdout.Contains("cell   2  TIMEOUT"), stdout);
        Assert.True(stdout.Contains("b-fresh.ipynb: ok"), stdout);
        var fresh = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "notebooks", "b-fresh.ipynb")))!;
        Assert.Contains("&lt;null&gt;", fresh["cells"]![0]!["outputs"]![0]!["data"]!["text/html"]![0]!.ToString());
    }

    [Fact]
    public async Task A_notebook_that_leaves_a_server_running_still_ends()
    {
        var notebook = new TempNotebook(name: "server").Code(
            "#r \"Microsoft.AspNetCore\"\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\n" +
            "var builder = WebApplication.CreateBuilder();\nbuilder.WebHost.UseUrls(\"http://127.0.0.1:0\");\nvar app = builder.Build();\nawait app.StartAsync();");

        var (exit, stdout) = await RunCliAsync(notebook.Save(), "--out", Path.Combine(notebook.Folder, "out"));

        Assert.True(exit == 0, stdout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x.ipynb --cell-timeout soon")]
    [InlineData("x.ipynb --bogus")]
    public async Task A_wrong_command_line_exits_2(string commandLine)
    {
        var (exit, _) = await RunCliAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task A_missing_input_file_exits_1()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-cli-").FullName;

        var (exit, stdout) = await RunCliAsync(Path.Combine(folder, "missing.ipynb"), "--out", Path.Combine(folder, "out"));

        Assert.Equal(1, exit);
        Assert.Contains("no such file or folder", stdout);
    }

    private static async Task<(int Exit, string Stdout)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RunnerDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRunner()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "artifacts", "bin", "CourseRunner", "release", "CourseRunner.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException("Build CourseRunner (Release) first: artifacts/bin/CourseRunner/release/CourseRunner.dll not found.");
    }
}
