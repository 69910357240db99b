using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>--solutions: exercise cells run their solution file, and every check must be correct.</summary>
public class SolutionsTests
{
    private const string CheckCell =
        "HTML($\"<div data-backendlab-check=\\\"{(answer == 42 ? \"correct\" : \"incorrect\")}\\\">q1</div>\")";

    [Fact]
    public async Task With_solutions_an_exercise_cell_runs_its_solution_and_its_check_must_be_correct()
    {
        var notebook = new TempNotebook(name: "lesson-1").Cell("var answer = 0; // your code here", tag: "exercise:q1").Code("answer", CheckCell);
        notebook.File_("solutions/lesson-1/q1.csx", "var answer = 42;");

        var starter = await Run.NotebookAsync(notebook);
        var solved = await Run.NotebookAsync(notebook, new RunOptions(Solutions: true));

        Assert.True(starter.Succeeded); // an incorrect check is the learner's business without --solutions
        Assert.Contains("<pre>0</pre>", starter.Code(1).Value().Data["text/html"]);
        Assert.Contains("incorrect", starter.Code(2).Value().Data["text/html"]);
        Assert.True(solved.Succeeded, string.Join("\n", solved.Cells.Select(c => $"{c.Status} {c.Failure}")));
        Assert.Contains("<pre>42</pre>", solved.Code(1).Value().Data["text/html"]);
        Assert.Equal("var answer = 42;", solved.Notebook!.Cells[0].Source);
    }

    [Fact]
    public async Task A_missing_solution_file_rejects_the_notebook()
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
    public void With_solutions_a_check_that_is_not_correct_fails_the_cell(string outcome)
    {
        var html = new DataOutput { Data = new() { ["text/html"] = $"<div data-backendlab-check=\"{outcome}\">q1</div>" } };
        CellResult[] cells = [new(0, CellStatus.Ok, [html], 0.1, 1, null)];

        var solved = CheckOutcomes.Apply(cells, new RunOptions(Solutions: true));
        var starter = CheckOutcomes.Apply(cells, new RunOptions());

        Assert.Equal(CellStatus.Failed, solved[0].Status);
        Assert.Contains($"check outcome '{outcome}'", solved[0].Failure);
        Assert.Equal(CellStatus.Ok, starter[0].Status);
    }
}
