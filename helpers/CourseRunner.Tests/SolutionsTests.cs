using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>--solutions: exercise cells run their solution file, and every check must be correct.</summary>
public class SolutionsTests
{
    private static string Check(string outcome) =>
        $"HTML(\"<div data-backendlab-check=\\\"{outcome}\\\">q1</div>\")";

    [Fact]
    public async Task With_solutions_an_exercise_cell_runs_its_solution_file()
    {
        var notebook = new TempNotebook(name: "lesson-1").Cell("var answer = 0; // your code here", tag: "exercise:q1").Code("answer");
        notebook.File_("solutions/lesson-1/q1.csx", "var answer = 42;");

        var starter = await Run.NotebookAsync(notebook);
        var solved = await Run.NotebookAsync(notebook, new RunOptions(Solutions: true));

        Assert.Contains("<pre>0</pre>", starter.Code(1).Value().Data["text/html"]);
        Assert.Contains("<pre>42</pre>", solved.Code(1).Value().Data["text/html"]);
        Assert.Equal("var answer = 42;", solved.Notebook!.Cells[0].Source);
    }

    [Fact]
    public async Task A_missing_solution_file_is_an_error()
    {
        var notebook = new TempNotebook().Cell("var answer = 0;", tag: "exercise:q2");

        var run = await Run.NotebookAsync(notebook, new RunOptions(Solutions: true));

        var problem = Assert.Single(run.Problems);
        Assert.Equal(1, problem.CellNumber);
        Assert.Contains("exercise 'q2' has no solution file", problem.Message);
    }

    [Theory]
    [InlineData("incorrect")]
    [InlineData("not-attempted")]
    public async Task With_solutions_a_check_that_is_not_correct_fails_the_cell(string outcome)
    {
        var notebook = new TempNotebook().Code(Check(outcome));

        var solved = await Run.NotebookAsync(notebook, new RunOptions(Solutions: true));
        var starter = await Run.NotebookAsync(notebook);

        Assert.Equal(CellStatus.Failed, solved.Code(0).Status);
        Assert.Contains($"check outcome '{outcome}'", solved.Code(0).Failure);
        Assert.True(starter.Succeeded);
    }

    [Fact]
    public async Task With_solutions_correct_checks_pass()
    {
        var run = await Run.NotebookAsync(new TempNotebook().Code(Check("correct")), new RunOptions(Solutions: true));

        Assert.True(run.Succeeded);
    }
}
