using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>Runs notebooks through the runner's in-process API (a real kernel process per notebook), and reads results.</summary>
internal static class Run
{
    public static Task<NotebookResult> CellsAsync(params string[] cells) =>
        NotebookAsync(new TempNotebook().Code(cells));

    public static Task<NotebookResult> NotebookAsync(TempNotebook notebook, RunOptions? options = null) =>
        NotebookRunner.RunAsync(notebook.Save(), options ?? new RunOptions());

    /// <summary>The result of the n-th code cell (0-based among code cells).</summary>
    public static CellResult Code(this NotebookResult result, int n) =>
        result.Cells.Where(c => c.Status != CellStatus.NotCode).ElementAt(n);

    public static string Error(this CellResult cell) =>
        Assert.Single(cell.Outputs.OfType<ErrorOutput>()).Message;

    public static DataOutput Value(this CellResult cell) =>
        Assert.Single(cell.Outputs.OfType<DataOutput>(), o => o.IsResult);

    public static string Stdout(this CellResult cell) =>
        string.Concat(cell.Outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text));

    public static void AssertOk(this CellResult cell) =>
        Assert.True(cell.Status == CellStatus.Ok, $"cell {cell.Index} was {cell.Status}: {string.Join("\n", cell.Outputs.OfType<ErrorOutput>().Select(e => e.Message))}");
}
