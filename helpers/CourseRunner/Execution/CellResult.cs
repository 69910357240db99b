namespace CourseRunner.Execution;

internal enum CellStatus { Ok, Failed, TimedOut, NotRun, NotCode }

/// <summary>How one cell went. <see cref="Failure"/> is the one-line reason shown in progress and the site.</summary>
internal sealed record CellResult(
    int Index,
    CellStatus Status,
    IReadOnlyList<CellOutput> Outputs,
    double Seconds,
    int? ExecutionCount,
    string? Failure)
{
    public bool IsFailure => Status is CellStatus.Failed or CellStatus.TimedOut;

    public static CellResult NotCode(int index) => new(index, CellStatus.NotCode, [], 0, null, null);

    public static CellResult NotRun(int index, string why) => new(index, CellStatus.NotRun, [], 0, null, why);
}
