namespace CourseRunner.Execution;

/// <summary>
/// The cell whose code is running on this logical flow. Set when a submission starts and carried
/// by the ExecutionContext into everything the cell starts (awaits, Task.Run, new threads, a server's
/// accept loop) — the same rule as the kernel's AsyncLocal-keyed console writers.
/// </summary>
internal static class CellContext
{
    private static readonly AsyncLocal<CellOutputCollector?> CurrentCell = new();

    public static CellOutputCollector? Current
    {
        get => CurrentCell.Value;
        set => CurrentCell.Value = value;
    }
}
