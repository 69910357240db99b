using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>Facts: when a cell shows a value, and how values are formatted.</summary>
public class DisplayRulesTests
{
    [Fact]
    public async Task A_cell_ending_in_an_expression_without_semicolon_shows_its_value()
    {
        var run = await Run.CellsAsync("var xs = new List<int> { 1, 2, 3 };\nxs.Sum()");

        var value = run.Code(0).Value();
        Assert.Equal("<div class=\"dni-plaintext\"><pre>6</pre></div>", value.Data["text/html"]);
    }

    [Fact]
    public async Task A_cell_ending_in_a_statement_or_a_void_call_shows_nothing()
    {
        var run = await Run.CellsAsync("var a = 1;", "Console.Out.Flush()", "await Task.Delay(1)");

        Assert.All(run.Cells, c => Assert.Empty(c.Outputs.OfType<DataOutput>()));
    }

    [Fact]
    public async Task An_expression_statement_with_semicolon_is_CS0201()
    {
        var run = await Run.CellsAsync("1+1;");

        Assert.Contains("error CS0201", run.Code(0).Error());
    }

    [Fact]
    public async Task A_top_level_return_shows_its_value()
    {
        var run = await Run.CellsAsync("return 40 + 2;");

        Assert.Contains("<pre>42</pre>", run.Code(0).Value().Data["text/html"]);
    }

    [Fact]
    public async Task A_null_value_shows_null()
    {
        var run = await Run.CellsAsync("string s = null;\ns");

        Assert.Equal("<div class=\"dni-plaintext\"><pre>&lt;null&gt;</pre></div>", run.Code(0).Value().Data["text/html"]);
    }

    [Fact]
    public async Task Strings_are_plain_text_and_other_values_html()
    {
        var run = await Run.CellsAsync("\"<b>not html</b>\"", "3.5m");

        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "<b>not html</b>" }, run.Code(0).Value().Data);
        Assert.Equal(["text/html"], run.Code(1).Value().Data.Keys);
    }

    [Fact]
    public async Task Display_shows_values_in_order_and_the_Display_extension_does_the_same()
    {
        var run = await Run.CellsAsync("display(\"first\");\n42.Display();\ndisplay(7, \"text/plain\");\n\"last\"");

        var outputs = run.Code(0).Outputs.Cast<DataOutput>().ToList();
        Assert.Equal(4, outputs.Count);
        Assert.Equal("first", outputs[0].Data["text/plain"]);
        Assert.Contains("<pre>42</pre>", outputs[1].Data["text/html"]);
        Assert.Equal("7", outputs[2].Data["text/plain"]);
        Assert.Equal([false, false, false, true], outputs.Select(o => o.IsResult));
    }

    [Fact]
    public async Task Update_on_a_displayed_value_replaces_it_even_from_a_later_cell()
    {
        var run = await Run.CellsAsync("var shown = display(\"one\");\nshown.Update(\"two\");", "shown.Update(\"three\");");

        var output = Assert.Single(run.Code(0).Outputs.Cast<DataOutput>());
        Assert.Equal("three", output.Data["text/plain"]);
        Assert.Empty(run.Code(1).Outputs);
    }

    [Fact]
    public async Task IHtmlContent_is_written_raw_as_html()
    {
        var run = await Run.CellsAsync(
            "#r \"Microsoft.AspNetCore.Html.Abstractions\"\nusing Microsoft.AspNetCore.Html;\nnew HtmlString(\"<b>hi</b>\")",
            "HTML(\"<i>x</i>\")");

        Assert.Equal("<b>hi</b>", run.Code(0).Value().Data["text/html"]);
        Assert.Equal("<i>x</i>", run.Code(1).Value().Data["text/html"]);
    }

    [Fact]
    public async Task Collections_show_an_index_value_table_of_the_first_20_rows()
    {
        var run = await Run.CellsAsync("Enumerable.Range(100, 25).ToList()");

        var html = run.Code(0).Value().Data["text/html"];
        Assert.Contains("<th><i>index</i></th><th>value</th>", html);
        Assert.Contains("<td>19</td><td>119</td>", html);
        Assert.DoesNotContain("120", html);
        Assert.Contains("(more)", html);
    }

    [Fact]
    public async Task Objects_show_their_properties()
    {
        var run = await Run.CellsAsync("record Point(int X, int Y);\nnew Point(3, 4)");

        var html = run.Code(0).Value().Data["text/html"];
        Assert.Contains("Point { X = 3, Y = 4 }", html);
        Assert.Contains("<tr><td>X</td><td>3</td></tr>", html);
        Assert.Contains("<tr><td>Y</td><td>4</td></tr>", html);
    }

    [Fact]
    public async Task Awaited_task_results_are_shown()
    {
        var run = await Run.CellsAsync("await Task.FromResult(\"done\")");

        Assert.Equal("done", run.Code(0).Value().Data["text/plain"]);
    }

    [Fact]
    public async Task The_kernel_shim_exposes_display_and_HTML_only()
    {
        var run = await Run.CellsAsync("Microsoft.DotNet.Interactive.Kernel.Root", "typeof(Microsoft.DotNet.Interactive.DisplayedValue).GetProperties().Length");

        Assert.Contains("error CS0117", run.Code(0).Error());
        Assert.Contains("<pre>0</pre>", run.Code(1).Value().Data["text/html"]);
    }
}
