using System.Text.Json.Nodes;
using CourseRunner.Execution;
using CourseRunner.Notebooks;
using CourseRunner.Site;

namespace CourseRunner.Tests;

/// <summary>
/// What the runner reports about what the real kernel did, cell by cell: one notebook run in one
/// <c>dotnet-interactive stdio</c> process (a kernel start costs seconds, so one run serves every assertion).
/// </summary>
public class KernelRunTests
{
    private static readonly Lazy<Task<(TempNotebook Notebook, NotebookResult Result)>> Shared = new(RunAsync);

    private static async Task<(TempNotebook, NotebookResult)> RunAsync()
    {
        var notebook = new TempNotebook(name: "01-basics").Markdown("# Backend basics\n\nA **server** answers.").Code(
            "Console.WriteLine(\"one\");\nConsole.WriteLine(\"a < b\");\nConsole.Error.WriteLine(\"careful\");\n" +
            "var progress = display(\"0%\");\nprogress.Update(\"50%\");\ndisplay(\"other\");\n1 + 1",
            "var x = 1 +;",
            "var before = 41;\nthrow new InvalidOperationException(\"boom\");",
            "before + 1",
            "new Microsoft.AspNetCore.Html.HtmlString(\"<div id='chart'>chart</div>\")",
            "System.IO.Directory.GetCurrentDirectory()",
            "progress.Update(\"100%\");",
            "var y = 1");
        return (notebook, await Run.NotebookAsync(notebook));
    }

    [Fact]
    public async Task Each_cell_gets_its_outcome_and_a_failed_cell_does_not_stop_the_run()
    {
        var (_, run) = await Shared.Value;

        Assert.Equal([CellStatus.NotCode, CellStatus.Ok, CellStatus.Failed, CellStatus.Failed, CellStatus.Ok, CellStatus.Ok, CellStatus.Ok, CellStatus.Ok, CellStatus.Failed],
            run.Cells.Select(c => c.Status));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], run.Cells.Skip(1).Select(c => c.ExecutionCount ?? 0));
        Assert.Equal(3, run.FailedCells);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public async Task A_compile_error_is_the_kernels_message_with_its_position()
    {
        var (_, run) = await Shared.Value;

        Assert.Equal("(1,12): error CS1525: Invalid expression term ';'", run.Code(1).Error());
        Assert.Equal("(1,10): error CS1002: ; expected", run.Code(7).Error());
    }

    [Fact]
    public async Task A_runtime_exception_fails_its_cell_and_what_it_defined_stays_for_the_next_cell()
    {
        var (_, run) = await Shared.Value;

        Assert.StartsWith("System.InvalidOperationException: boom", run.Code(2).Error());
        Assert.Equal("System.InvalidOperationException: boom", run.Code(2).Failure);
        Assert.Contains("<pre>42</pre>", run.Code(3).Value().Data["text/html"]);
    }

    [Fact]
    public async Task Stdout_stderr_displays_and_the_value_come_in_order_with_their_mime_types()
    {
        var (_, run) = await Shared.Value;
        var outputs = run.Code(0).Outputs;

        Assert.Equal("one\na < b\n", Assert.IsType<StreamOutput>(outputs[0]).Text);
        Assert.Equal(("stderr", "careful\n"), (Assert.IsType<StreamOutput>(outputs[1]).Name, ((StreamOutput)outputs[1]).Text));
        var displays = outputs.OfType<DataOutput>().Where(o => !o.IsResult).ToList();
        Assert.Equal(["text/plain"], displays.SelectMany(d => d.Data.Keys).Distinct());
        Assert.Equal("other", displays[1].Data["text/plain"]);
        var value = run.Code(0).Value();
        Assert.Equal(["text/html"], value.Data.Keys);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>2</pre></div>", value.Data["text/html"]);
        Assert.IsType<DataOutput>(outputs[^1]);
    }

    [Fact]
    public async Task A_display_shows_its_latest_update_even_one_made_by_a_later_cell()
    {
        var (_, run) = await Shared.Value;

        var progress = run.Code(0).Outputs.OfType<DataOutput>().First(o => !o.IsResult);
        Assert.Equal("100%", progress.Data["text/plain"]);
        Assert.Empty(run.Code(6).Outputs);
    }

    [Fact]
    public async Task Html_content_is_raw_html_strings_are_plain_text_and_the_kernel_runs_in_the_notebooks_folder()
    {
        var (notebook, run) = await Shared.Value;

        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<div id='chart'>chart</div>" }, run.Code(4).Value().Data);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = notebook.Folder }, run.Code(5).Value().Data);
    }

    [Fact]
    public async Task The_executed_notebook_has_polyglots_output_shapes()
    {
        var (notebook, run) = await Shared.Value;
        var path = Path.Combine(notebook.Folder, "out", "executed.ipynb");

        ExecutedNotebook.Write(run, path);

        var root = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(".net-csharp", (string?)root["metadata"]!["kernelspec"]!["name"]);
        var cells = root["cells"]!.AsArray();
        Assert.Null(cells[0]!["execution_count"]);
        Assert.Equal(1, (int)cells[1]!["execution_count"]!);
        var outputs = cells[1]!["outputs"]!.AsArray();
        Assert.Equal(["stream", "stream", "display_data", "display_data", "execute_result"], outputs.Select(o => (string?)o!["output_type"]));
        Assert.Equal("stdout", (string?)outputs[0]!["name"]);
        Assert.Equal("one\na < b\n", Text(outputs[0]!["text"]));
        Assert.Equal("100%", Text(outputs[2]!["data"]!["text/plain"]));
        var error = cells[2]!["outputs"]!.AsArray().Single()!;
        Assert.Equal(("error", "Error"), ((string?)error["output_type"], (string?)error["ename"]));
        Assert.Equal("(1,12): error CS1525: Invalid expression term ';'", (string?)error["evalue"]);
    }

    [Fact]
    public async Task The_site_shows_prose_code_and_outputs_with_local_plotly()
    {
        var (notebook, run) = await Shared.Value;
        var site = Path.Combine(notebook.Folder, "site");

        var index = File.ReadAllText(SiteWriter.Write(site, [run]));

        Assert.Contains("<a href=\"01-basics.html\">Backend basics</a>", index);
        Assert.Contains("failed: 3 cell(s)", index);
        var page = File.ReadAllText(Path.Combine(site, "01-basics.html"));
        Assert.Contains("<script src=\"assets/plotly.min.js\"></script>", page);
        Assert.Contains("<strong>server</strong>", page);
        Assert.Contains("Console.WriteLine(&quot;a &lt; b&quot;);", page);
        Assert.Contains("<pre class=\"stream stdout\">one\na &lt; b\n</pre>", page);
        Assert.Contains("<div id='chart'>chart</div>", page);
        Assert.Contains("<pre class=\"error\">(1,12): error CS1525: Invalid expression term &#39;;&#39;</pre>", page);
        Assert.True(new FileInfo(Path.Combine(site, "assets", "plotly.min.js")).Length > 100_000);
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };
}
