using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>Facts: #r, #load, bare framework names, kernel magics and the course's banned directives.</summary>
public class DirectiveTests
{
    [Fact]
    public async Task R_with_a_relative_path_resolves_against_the_notebooks_folder()
    {
        var notebook = new TempNotebook();
        var lesson = new TempNotebook(Path.Combine(notebook.Folder, "notebooks"));
        FixtureAssembly.Build(Path.Combine(notebook.Folder, "artifacts", "lib"));
        lesson.Code("#r \"../artifacts/lib/Fixture.dll\"\nFixture.Greeter.Hello(\"course\")");

        var run = await Run.NotebookAsync(lesson);

        Assert.Equal("Hello, course!", run.Code(0).Value().Data["text/plain"]);
    }

    [Fact]
    public async Task R_of_a_missing_file_is_CS0006()
    {
        var run = await Run.CellsAsync("#r \"nowhere/Missing.dll\"");

        Assert.Contains("error CS0006", run.Code(0).Error());
    }

    [Fact]
    public async Task Load_runs_a_csx_relative_to_the_notebooks_folder()
    {
        var notebook = new TempNotebook();
        notebook.File_("shared/helpers.csx", "static int Twice(int x) => 2 * x;");
        notebook.Code("#load \"shared/helpers.csx\"\nTwice(21)");

        var run = await Run.NotebookAsync(notebook);

        Assert.Contains("<pre>42</pre>", run.Code(0).Value().Data["text/html"]);
    }

    [Fact]
    public async Task Load_of_a_cs_file_with_a_namespace_fails()
    {
        var notebook = new TempNotebook();
        notebook.File_("Lib.cs", "namespace Lib { public class A { } }");
        notebook.Code("#load \"Lib.cs\"");

        var run = await Run.NotebookAsync(notebook);

        Assert.Equal(CellStatus.Failed, run.Code(0).Status);
    }

    [Fact]
    public async Task AspNetCore_is_invisible_until_r_Microsoft_AspNetCore()
    {
        var run = await Run.CellsAsync(
            "using Microsoft.AspNetCore.Builder;",
            "#r \"Microsoft.AspNetCore\"\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.Extensions.DependencyInjection;\ntypeof(WebApplication).Name");

        Assert.Contains("error CS0234", run.Code(0).Error());
        Assert.Equal("WebApplication", run.Code(1).Value().Data["text/plain"]);
    }

    [Fact]
    public async Task R_Microsoft_AspNetCore_App_fails_as_in_the_kernel()
    {
        var run = await Run.CellsAsync("#r \"Microsoft.AspNetCore.App\"");

        Assert.Contains("error CS0006", run.Code(0).Error());
    }

    [Fact]
    public async Task A_bare_name_resolves_only_from_the_shared_frameworks_not_the_runners_own_packages()
    {
        // Markdig and Roslyn ship with the runner, not with the kernel: stricter.
        var run = await Run.CellsAsync("#r \"Markdig\"", "#r \"System.Text.Json\"\ntypeof(System.Text.Json.JsonSerializer).Name");

        Assert.Contains("error CS0006", run.Code(0).Error());
        run.Code(1).AssertOk();
    }

    [Fact]
    public async Task R_after_code_is_CS7009()
    {
        var run = await Run.CellsAsync("var a = 1;\n#r \"Microsoft.AspNetCore\"");

        Assert.Contains("error CS7009", run.Code(0).Error());
    }

    [Fact]
    public async Task An_unknown_magic_fails_the_cell()
    {
        var run = await Run.CellsAsync("#!nonsense\n1", "2");

        Assert.Equal("Unrecognized magic command: #!nonsense", run.Code(0).Error());
        run.Code(1).AssertOk();
    }

    [Fact]
    public async Task A_known_kernel_magic_fails_clearly()
    {
        var run = await Run.CellsAsync("#!time\n1");

        Assert.StartsWith("#!time: the course runner does not run .NET Interactive magic commands", run.Code(0).Error());
    }

    [Theory]
    [InlineData("#r \"nuget: HdrHistogram, 2.5.0\"")]
    [InlineData("#r \"nuget:HdrHistogram\"")]
    [InlineData("#i \"nuget: https://example.invalid/feed\"")]
    public async Task Package_directives_reject_the_whole_notebook_naming_the_cell(string directive)
    {
        var notebook = new TempNotebook().Markdown("# Lesson").Code("1", $"var x = 1;\n{directive}");

        var run = await Run.NotebookAsync(notebook);

        Assert.Null(run.Notebook);
        var problem = Assert.Single(run.Problems);
        Assert.Equal(3, problem.CellNumber);
        Assert.Contains("line 2", problem.Message);
        Assert.Empty(run.Cells);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public async Task Region_and_if_directives_are_not_mistaken_for_r_or_i()
    {
        var run = await Run.CellsAsync("#region x\nvar a = 1;\n#endregion\n#if DEBUG\na = 2;\n#endif\na");

        run.Code(0).AssertOk();
    }
}
