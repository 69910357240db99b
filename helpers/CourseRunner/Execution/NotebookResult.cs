using CourseRunner.Notebooks;

namespace CourseRunner.Execution;

/// <summary>
/// One notebook's run: the cell results (one per cell, in order) or, for a notebook that could not
/// be run at all, its problems. <see cref="Notebook"/> is null when the file could not be parsed.
/// </summary>
internal sealed record NotebookResult(
    string Path,
    Notebook? Notebook,
    IReadOnlyList<CellResult> Cells,
    IReadOnlyList<NotebookProblem> Problems,
    TimeSpan WallTime)
{
    public int FailedCells => Cells.Count(c => c.IsFailure);

    public bool Succeeded => Problems.Count == 0 && FailedCells == 0;

    /// <summary>Claims shown by this notebook's cells that held.</summary>
    public int ClaimsHeld => Cells.Sum(c => ClaimOutcomes.Of(c).Held);

    /// <summary>Claims shown by this notebook's cells that did not hold.</summary>
    public int ClaimsNotHeld => Cells.Sum(c => ClaimOutcomes.Of(c).NotHeld);

    public string Title => Notebook?.Title ?? System.IO.Path.GetFileNameWithoutExtension(Path);

    public static NotebookResult Rejected(string path, IReadOnlyList<NotebookProblem> problems) =>
        new(path, null, [], problems, TimeSpan.Zero);
}
