using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>Facts: the kernel's imports, references, language version and C# script limits.</summary>
public class ScriptLimitsTests
{
    [Fact]
    public async Task The_default_imports_are_the_kernels_six()
    {
        var run = await Run.CellsAsync(
            "var sb = new StringBuilder(); var list = new List<int>(); IEnumerable e = list; await Task.Yield(); list.Any()",
            "File.Exists(\"x\")");

        run.Code(0).AssertOk();
        Assert.Contains("error CS0103: The name 'File' does not exist", run.Code(1).Error());
    }

    [Fact]
    public async Task HttpClient_needs_its_using()
    {
        var run = await Run.CellsAsync(
            "var client = new HttpClient();",
            "var qualified = new System.Net.Http.HttpClient();",
            "using System.Net.Http;\nvar client = new HttpClient();",
            "using System.Net.Http.Json;");

        Assert.Contains("error CS0246", run.Code(0).Error());
        run.Code(1).AssertOk();
        run.Code(2).AssertOk();
        Assert.Contains("error CS0234", run.Code(3).Error());
    }

    [Fact]
    public async Task Using_var_at_the_top_level_of_a_cell_is_CS1002()
    {
        var run = await Run.CellsAsync("using var stream = new System.IO.MemoryStream();");

        Assert.Contains("error CS1002", run.Code(0).Error());
    }

    [Fact]
    public async Task The_language_is_CSharp_14()
    {
        // Null-conditional assignment is new in C# 14.
        var run = await Run.CellsAsync("class Box { public int V; }\nBox? box = new();\nbox?.V = 3;\nbox.V");

        Assert.Contains("<pre>3</pre>", run.Code(0).Value().Data["text/html"]);
    }

    [Fact]
    public async Task Namespaces_and_extension_methods_cannot_be_declared_in_a_cell()
    {
        var run = await Run.CellsAsync(
            "namespace Lesson { class A { } }",
            "static class Ext { public static int Twice(this int x) => 2 * x; }");

        Assert.Equal(CellStatus.Failed, run.Code(0).Status);
        Assert.Contains("error CS1109", run.Code(1).Error());
    }

    [Fact]
    public async Task A_later_cell_may_declare_a_variable_or_record_again()
    {
        var run = await Run.CellsAsync("record R(int A);\nvar r = new R(1);", "record R(string B);\nvar r = new R(\"two\");\nr.B");

        Assert.Equal("two", run.Code(1).Value().Data["text/plain"]);
    }

    [Fact]
    public async Task The_working_directory_is_the_notebooks_folder()
    {
        var notebook = new TempNotebook();
        notebook.File_("data.txt", "from the notebook's folder");
        notebook.Code("System.IO.File.ReadAllText(\"data.txt\")");

        var run = await Run.NotebookAsync(notebook);

        Assert.Equal("from the notebook's folder", run.Code(0).Value().Data["text/plain"]);
    }
}
