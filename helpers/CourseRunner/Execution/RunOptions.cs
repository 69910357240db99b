namespace CourseRunner.Execution;

/// <summary>How to run notebooks: <see cref="Solutions"/> swaps exercise cells for their solutions and makes every check count.</summary>
internal sealed record RunOptions(bool Solutions = false, TimeSpan? CellTimeout = null)
{
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    public TimeSpan Timeout => CellTimeout ?? DefaultCellTimeout;
}
