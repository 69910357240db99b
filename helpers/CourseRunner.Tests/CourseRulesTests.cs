using System.Text.Json.Nodes;
using CourseRunner.Notebooks;

namespace CourseRunner.Tests;

/// <summary>The course's rules (one set, used by the runner and the notebook suite) catch what they should, with the line, and nothing more.</summary>
public class CourseRulesTests
{
    [Theory]
    [InlineData("using var client = new HttpClient();\nclient.GetAsync(\"/\");", 1, "using var")]
    [InlineData("var x = 1;\nusing var s = new MemoryStream();", 2, "using var")]
    [InlineData("#r \"nuget: Plotly.NET, 6.0.0\"\nvar x = 1;", 1, "nuget")]
    [InlineData("#i \"nuget: https://example.org/feed\"", 1, "#i")]
    [InlineData("var x = 1;\n#!time\nx", 2, "magic commands")]
    [InlineData("var app = WebApplication.Create();\napp.Run();", 2, "blocks the cell")]
    [InlineData("await app.RunAsync();", 1, "blocks the cell")]
    [InlineData("var x = 1;\n#r \"Microsoft.AspNetCore\"", 2, "after code")]
    [InlineData("namespace N { class C { } }", 1, "namespace")]
    public void Flags_what_breaks_in_the_kernel_with_its_line(string cell, int line, string expected) =>
        Assert.Contains(CourseRules.SourceProblems(cell), v => v.Line == line && v.Message.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("#r \"../artifacts/bin/BackendLab/release/BackendLab.dll\"\nusing BackendLab;\nusing System.Net.Http;")]
    [InlineData("using (var s = new MemoryStream()) { s.WriteByte(1); }")]
    [InlineData("async Task F() { using var s = new MemoryStream(); await Task.Yield(); }")]
    [InlineData("await Task.Run(() => 1)")]
    [InlineData("await Load.RunAsync(server, 10)")]
    [InlineData("// #r \"nuget: x\" is what we avoid\nvar x = 1;")]
    [InlineData("#region setup\nvar x = 1;\n#endregion")]
    public void Accepts_what_runs_the_same(string cell) => Assert.Empty(CourseRules.SourceProblems(cell));

    [Fact]
    public void Only_csharp_cells_are_accepted() =>
        Assert.Contains(CourseRules.CellProblems("fsharp", "1 + 1"), v => v.Line is null && v.Message.Contains("C# cells only"));

    [Fact]
    public void The_reader_keeps_exercise_tags_and_reads_source_as_a_string_or_lines()
    {
        var notebook = new TempNotebook(name: "tags").Markdown("# T").Cell("var a = 1;\nvar b = 2;", tag: "exercise:q1");
        var path = notebook.Save();
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["cells"]![0]!["source"] = "# T";
        File.WriteAllText(path, json.ToJsonString());

        var (loaded, problems) = NotebookFile.Load(path, solutions: false);

        Assert.Empty(problems);
        Assert.Equal(CellKind.Markdown, loaded!.Cells[0].Kind);
        Assert.Equal("T", loaded.Title);
        Assert.Equal(("var a = 1;\nvar b = 2;", "q1"), (loaded.Cells[1].Source, loaded.Cells[1].ExerciseId));
    }
}
