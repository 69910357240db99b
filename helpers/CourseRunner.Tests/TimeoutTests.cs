using CourseRunner.Execution;

namespace CourseRunner.Tests;

public class TimeoutTests
{
    [Fact]
    public async Task A_cell_over_the_timeout_fails_and_the_rest_of_the_notebook_is_not_run()
    {
        var notebook = new TempNotebook().Code("var a = 1;", "await Task.Delay(4000);", "a");

        var run = await Run.NotebookAsync(notebook, new RunOptions(CellTimeout: TimeSpan.FromSeconds(1)));

        Assert.Equal([CellStatus.Ok, CellStatus.TimedOut, CellStatus.NotRun], run.Cells.Select(c => c.Status));
        Assert.StartsWith("Cell timed out after 1 s (--cell-timeout).", run.Code(1).Error());
        Assert.Equal("not run: cell 2 timed out", run.Code(2).Failure);
        Assert.False(run.Succeeded);
    }
}
