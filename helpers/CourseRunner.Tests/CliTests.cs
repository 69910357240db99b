using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace CourseRunner.Tests;

/// <summary>End to end: the built CLI as a subprocess, one real kernel process per notebook, nothing left behind.</summary>
public class CliTests
{
    [Fact]
    public async Task Cells_that_never_end_time_out_the_kernel_and_what_it_started_end_and_the_next_notebook_runs()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-cli-").FullName;
        new TempNotebook(folder, "a-loop").Code(ProcessTree.StartChildCell(Path.Combine(folder, "a.pid")), "while (true) {}", "1").Save();
        new TempNotebook(folder, "b-sleep").Code(ProcessTree.StartChildCell(Path.Combine(folder, "b.pid")),
            "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);", "2").Save();
        new TempNotebook(folder, "c-next").Code("6 * 7").Save();

        // Long enough for a first cell on a busy machine; the hung cells are what hit it.
        var (exit, stdout) = await RunnerCli.RunAsync(folder, "--cell-timeout", "20", "--out", Path.Combine(folder, "out"));

        Assert.True(exit == 1, stdout);
        Assert.True(CountOf(stdout, "cell   2  TIMEOUT") == 2, stdout);
        Assert.True(CountOf(stdout, "cell   3  not run") == 2, stdout);
        Assert.Contains("a-loop.ipynb: FAILED, 1 of 3 code cells failed", stdout);
        Assert.Contains("c-next.ipynb: ok", stdout);
        var kernels = ProcessTree.KernelPids(stdout);
        Assert.Equal(3, kernels.Count);
        var survivors = await ProcessTree.SurvivorsAsync(
            [.. kernels, ProcessTree.ReadPid(Path.Combine(folder, "a.pid")), ProcessTree.ReadPid(Path.Combine(folder, "b.pid"))], TimeSpan.FromSeconds(5));
        Assert.True(survivors.Count == 0, $"still running after the run: {string.Join(", ", survivors)}\n{stdout}");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "notebooks", "a-loop.ipynb")))!;
        Assert.StartsWith("Cell timed out after 20 s (--cell-timeout).", (string?)executed["cells"]![1]!["outputs"]![0]!["evalue"]);
    }

    [Fact]
    public async Task A_kernel_that_dies_fails_its_cell_and_the_next_notebook_runs_in_its_own_kernel()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-cli-").FullName;
        new TempNotebook(folder, "a-dies").Code("var secret = 42;", "System.Diagnostics.Process.GetCurrentProcess().Kill();", "secret").Save();
        new TempNotebook(folder, "b-isolated").Code("secret", "AppDomain.CurrentDomain.SetData(\"left-over\", \"b\");\n1 + 1").Save();
        new TempNotebook(folder, "c-isolated").Code("AppDomain.CurrentDomain.GetData(\"left-over\") ?? \"none\"").Save();

        var (exit, stdout) = await RunnerCli.RunAsync(folder, "--out", Path.Combine(folder, "out"));

        Assert.True(exit == 1, stdout);
        Assert.Contains("cell   2  FAILED", stdout);
        Assert.Contains("The kernel process ended (exit code", stdout);
        Assert.Contains("cell   3  not run", stdout);
        Assert.Contains("error CS0103: The name 'secret' does not exist in the current context", stdout);
        Assert.Contains("b-isolated.ipynb: FAILED, 1 of 2 code cells failed", stdout);
        var c = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "notebooks", "c-isolated.ipynb")))!;
        Assert.Equal("none", string.Concat(c["cells"]![0]!["outputs"]![0]!["data"]!["text/plain"]!.AsArray().Select(l => (string?)l)));
        var survivors = await ProcessTree.SurvivorsAsync(ProcessTree.KernelPids(stdout), TimeSpan.FromSeconds(5));
        Assert.True(survivors.Count == 0, $"kernels still running after the run: {string.Join(", ", survivors)}\n{stdout}");
    }

    [Fact]
    public async Task Malformed_notebooks_are_rejected_with_file_cell_and_line_before_anything_runs_and_a_good_one_leaves_nothing_behind()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-cli-").FullName;
        File.WriteAllText(Path.Combine(folder, "a-bad-json.ipynb"), "{");
        new TempNotebook(folder, "b-fsharp").Code("1 + 1").Cell("1 + 1", kernel: "fsharp").Save();
        new TempNotebook(folder, "c-nuget").Code("var a = 1;", "// packages\n#r \"nuget: Plotly.NET, 6.0.0\"\nvar b = 2;").Save();
        new TempNotebook(folder, "d-python") { Metadata = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "python3" } } }.Code("1").Save();
        new TempNotebook(folder, "e-good").Markdown("# Good").Code("Console.WriteLine(\"hi\");", ProcessTree.StartChildCell(Path.Combine(folder, "e.pid")), "6 * 7").Save();

        var (exit, stdout) = await RunnerCli.RunAsync(folder, "--out", Path.Combine(folder, "out"));

        Assert.True(exit == 1, stdout);
        Assert.Contains("REJECTED  a-bad-json.ipynb: not a readable notebook", stdout);
        Assert.Contains("REJECTED  b-fsharp.ipynb, cell 2: cell kernel is 'fsharp'", stdout);
        Assert.Contains("REJECTED  c-nuget.ipynb, cell 2, line 2: `#r \"nuget: Plotly.NET, 6.0.0\"`: #r \"nuget:...\" is not allowed", stdout);
        Assert.Contains("REJECTED  d-python.ipynb: kernelspec.name is 'python3'", stdout);
        Assert.Single(ProcessTree.KernelPids(stdout)); // only the good notebook started a kernel
        Assert.Contains("e-good.ipynb: ok, 0 of 3 code cells failed", stdout);
        var survivors = await ProcessTree.SurvivorsAsync([.. ProcessTree.KernelPids(stdout), ProcessTree.ReadPid(Path.Combine(folder, "e.pid"))], TimeSpan.FromSeconds(5));
        Assert.True(survivors.Count == 0, $"still running after the run: {string.Join(", ", survivors)}\n{stdout}");
        Assert.Contains("Summary: 5 notebook(s): 1 ok, 4 failed; 0 failed cell(s)", stdout);
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "notebooks", "e-good.ipynb")))!;
        Assert.Equal("hi\n", (string?)executed["cells"]![1]!["outputs"]![0]!["text"]![0]);
        Assert.True(File.Exists(Path.Combine(folder, "out", "index.html")));
        Assert.True(File.Exists(Path.Combine(folder, "out", "assets", "plotly.min.js")));
    }

    [Fact]
    public async Task Ctrl_C_ends_the_kernel_and_what_it_started_and_exits_130()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-cli-").FullName;
        var pidFile = Path.Combine(folder, "child.pid");
        new TempNotebook(folder, "hangs").Code(ProcessTree.StartChildCell(pidFile), "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);").Save();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[RunnerCli.RunnerDll, folder, "--out", Path.Combine(folder, "out")]) start.ArgumentList.Add(a);
        using var runner = Process.Start(start)!;
        var output = new StringBuilder();
        runner.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        runner.BeginOutputReadLine();
        runner.BeginErrorReadLine();

        var until = DateTime.UtcNow.AddMinutes(3);
        while (!File.Exists(pidFile) && DateTime.UtcNow < until) await Task.Delay(200);
        Assert.True(File.Exists(pidFile), $"the first cell never ran:\n{output}");
        await Task.Delay(500); // into the sleeping cell
        using (var signal = Process.Start("kill", ["-INT", runner.Id.ToString()])) await signal.WaitForExitAsync();
        await runner.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, runner.ExitCode);
        var survivors = await ProcessTree.SurvivorsAsync([.. ProcessTree.KernelPids(output.ToString()), ProcessTree.ReadPid(pidFile)], TimeSpan.FromSeconds(5));
        Assert.True(survivors.Count == 0, $"still running after Ctrl+C: {string.Join(", ", survivors)}\n{output}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("x.ipynb --cell-timeout soon")]
    [InlineData("x.ipynb --bogus")]
    public async Task A_wrong_command_line_exits_2(string commandLine)
    {
        var (exit, _) = await RunnerCli.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task A_missing_input_file_exits_1()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-cli-").FullName;
        var (exit, stdout) = await RunnerCli.RunAsync(Path.Combine(folder, "missing.ipynb"), "--out", Path.Combine(folder, "out"));
        Assert.Equal(1, exit);
        Assert.Contains("no such file or folder", stdout);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
