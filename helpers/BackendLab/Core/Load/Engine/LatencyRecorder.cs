using HdrHistogram;

namespace BackendLab.LoadEngine;

/// <summary>
/// Latencies and outcomes recorded by ONE thread during a run (no locks on the hot path);
/// the run adds the recorders of all threads together at the end.
/// Latencies are in TimeSpan ticks (100 ns) from 100 ns to 100 s, 3 significant digits (HdrHistogram).
/// </summary>
internal sealed class LatencyRecorder
{
    public const long Highest = 100 * TimeSpan.TicksPerSecond;

    public static LongHistogram NewHistogram() => new(1, Highest, 3);
    static IntHistogram NewSecondHistogram() => new(1, Highest, 2);

    public LongHistogram All { get; } = NewHistogram();
    public List<IntHistogram?> PerSecond { get; } = [];
    public List<long> CountPerSecond { get; } = [];
    public List<long> ErrorsPerSecond { get; } = [];
    public Dictionary<string, long> Errors { get; } = [];
    public long Ok, Failed, Late;
    /// <summary>Responses (any status) that arrived inside the measured window, whenever their request was sent: the throughput's numerator.</summary>
    public long AnsweredInWindow;

    /// <summary>Records a finished request. <paramref name="second"/> is the measured second it finished in.</summary>
    public void Record(Outcome outcome, long latencyTicks, int second)
    {
        while (PerSecond.Count <= second) { PerSecond.Add(null); CountPerSecond.Add(0); ErrorsPerSecond.Add(0); }
        CountPerSecond[second]++;
        if (outcome.Answered)
        {
            var value = Math.Clamp(latencyTicks, 1, Highest);
            All.RecordValue(value);
            (PerSecond[second] ??= NewSecondHistogram()).RecordValue(value);
        }
        if (outcome.Ok) { Ok++; return; }
        Failed++;
        ErrorsPerSecond[second]++;
        var kind = outcome.Kind;
        Errors[kind] = Errors.GetValueOrDefault(kind) + 1;
    }
}
