using System.Text.Json.Nodes;
using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>Malformed notebooks are reported with file and cell, and not run.</summary>
public class NotebookFileTests
{
    [Fact]
    public async Task Bad_json_is_reported_with_the_file()
    {
        var notebook = new TempNotebook();
        File.WriteAllText(notebook.Path, "{ \"cells\": [ ");

        var run = await NotebookRunner.RunAsync(notebook.Path, new RunOptions());

        var problem = Assert.Single(run.Problems);
        Assert.StartsWith("lesson.ipynb: not a readable notebook", problem.ToString());
    }

    [Fact]
    public async Task A_kernelspec_that_is_not_dotnet_is_rejected()
    {
        var notebook = new TempNotebook { Metadata = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "python3" } } }.Code("1");

        var run = await Run.NotebookAsync(notebook);

        Assert.Contains("kernelspec.name is 'python3'", Assert.Single(run.Problems).Message);
    }

    [Fact]
    public async Task A_python_cell_is_rejected_naming_the_cell()
    {
        var notebook = new TempNotebook().Code("1").Cell("print('hi')", kernel: "python");

        var run = await Run.NotebookAsync(notebook);

        var problem = Assert.Single(run.Problems);
        Assert.Equal(2, problem.CellNumber);
        Assert.Equal("lesson.ipynb, cell 2: cell kernel is 'python'; the course runs C# cells only (kernelName \"csharp\")", problem.ToString());
    }

    [Fact]
    public async Task An_fsharp_cell_is_rejected()
    {
        var run = await Run.NotebookAsync(new TempNotebook().Cell("1 + 1", kernel: "fsharp"));

        Assert.Contains("'fsharp'", Assert.Single(run.Problems).Message);
    }

    [Fact]
    public void Source_may_be_a_single_string_or_a_list_of_lines()
    {
        var notebook = new TempNotebook().Code("var a = 1;\na");
        notebook.Cells.Add(new JsonObject { ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = "a + 1" });

        var (loaded, problems) = Notebooks.NotebookFile.Load(notebook.Save(), solutions: false);

        Assert.Empty(problems);
        Assert.Equal(["var a = 1;\na", "a + 1"], loaded!.Cells.Select(c => c.Source));
    }
}
