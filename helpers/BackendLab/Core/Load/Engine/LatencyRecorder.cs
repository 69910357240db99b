using HdrHistogram;

namespace BackendLab.LoadEngine;

/// <summary>
/// Latencies and outcomes recorded by ONE thread during a run (no locks on the hot path);
/// the run adds the recorders of all threads together at the end.
/// Latencies are in nanoseconds, as <see cref="LatencySummary.Latencies"/> keeps them.
/// </summary>
internal sealed class LatencyRecorder
{
    public LongHistogram All { get; } = LatencySummary.NewHistogram();
    public List<IntHistogram?> PerSecond { get; } = [];
    public List<long> CountPerSecond { get; } = [];
    public List<long> ErrorsPerSecond { get; } = [];
    public Dictionary<string, long> Errors { get; } = [];
    public long Ok, Failed, Late;
    /// <summary>Responses (any status) that arrived inside the measured window, whenever their request was sent: Little's law's rate.</summary>
    public long AnsweredInWindow;
    /// <summary>Successful responses (2xx, 3xx) that arrived inside the measured window: the throughput's numerator.</summary>
    public long OkInWindow;
    /// <summary>Requests that ended inside the measured window without success (error status, rejection, timeout, connection error, dropped).</summary>
    public long FailedInWindow;

    /// <summary>Records a finished request. <paramref name="second"/> is the measured second it finished in.</summary>
    public void Record(Outcome outcome, long latencyNanoseconds, int second)
    {
        while (PerSecond.Count <= second) { PerSecond.Add(null); CountPerSecond.Add(0); ErrorsPerSecond.Add(0); }
        CountPerSecond[second]++;
        if (outcome.Answered)
        {
            LatencySummary.Record(All, latencyNanoseconds);
            LatencySummary.Record(PerSecond[second] ??= LatencySummary.NewCoarseHistogram(), latencyNanoseconds);
        }
        if (outcome.Ok) { Ok++; return; }
        Failed++;
        ErrorsPerSecond[second]++;
        var kind = outcome.Kind;
        Errors[kind] = Errors.GetValueOrDefault(kind) + 1;
    }
}
