using HdrHistogram;

namespace BackendLab;

/// <summary>
/// The course's one summary of latencies: how many requests were counted, how many failed, and the mean, p50, p90, p99,
/// p99.9 and max of the answered ones, as <see cref="TimeSpan"/>s (read them with <c>.TotalMilliseconds</c>, or show
/// them with <see cref="Durations.Format"/>). Built on HdrHistogram (3 significant digits). A sequential
/// <see cref="Measure"/>ment, every <see cref="Load"/> run (closed and open loop) and every sweep point is one.
/// Introduced in lesson 1.
/// </summary>
public record LatencySummary
{
    const long HighestNanoseconds = 100_000_000_000; // 100 s

    /// <summary>Every answered request's latency, in nanoseconds (HdrHistogram, 3 significant digits, 1 ns to 100 s).</summary>
    public required HistogramBase Latencies { get; init; }

    /// <summary>Requests (or calls) counted: answered ones plus <see cref="Errors"/> that were never answered.</summary>
    public required long Count { get; init; }

    /// <summary>Requests that failed: an error status, a timeout, a connection error. Zero for a <see cref="Measurement"/>.</summary>
    public required long Errors { get; init; }

    /// <summary>Requests that got an answer (any status): the ones <see cref="P50"/>, <see cref="P99"/>… describe.</summary>
    public long Completed => Latencies.TotalCount;

    /// <summary>True when no request got an answer: every percentile is then meaningless (shown as "none completed", not 0 ms).</summary>
    public bool NoneCompleted => Latencies.TotalCount == 0;

    /// <summary>A latency of this summary as shown in tables and sentences: <see cref="Durations.Format"/>, or "none completed".</summary>
    public string Shown(TimeSpan latency) => NoneCompleted ? Durations.NoneCompleted : Durations.Format(latency);

    /// <summary>A latency of this summary as a table cell: the <see cref="TimeSpan"/>, or the text "none completed".</summary>
    public object Cell(TimeSpan latency) => NoneCompleted ? Durations.NoneCompleted : latency;

    /// <summary>Mean (average) latency of the answered requests; pulled up by a few slow ones more than <see cref="P50"/> is. Zero when <see cref="NoneCompleted"/>.</summary>
    public TimeSpan Mean => Latencies.TotalCount == 0 ? TimeSpan.Zero : FromNanoseconds(Latencies.GetMean());
    /// <summary>Median latency: half of the answered requests finished faster than this. Zero when <see cref="NoneCompleted"/>: show it with <see cref="Shown"/>.</summary>
    public TimeSpan P50 => Percentile(50);
    /// <summary>90th percentile latency: 90 % of the answered requests finished faster than this.</summary>
    public TimeSpan P90 => Percentile(90);
    /// <summary>99th percentile latency: 99 % of the answered requests finished faster than this.</summary>
    public TimeSpan P99 => Percentile(99);
    /// <summary>99.9th percentile latency: 999 answered requests in 1000 finished faster than this.</summary>
    public TimeSpan P999 => Percentile(99.9);
    /// <summary>The slowest answered request.</summary>
    public TimeSpan Max => Latencies.TotalCount == 0 ? TimeSpan.Zero : FromNanoseconds(Latencies.GetMaxValue());

    /// <summary>The latency below which <paramref name="percent"/> % of the answered requests finished (zero when none was answered).</summary>
    /// <param name="percent">From 0 to 100, e.g. 99.9.</param>
    public TimeSpan Percentile(double percent) => FromNanoseconds(PercentileNanoseconds(percent));

    internal double PercentileNanoseconds(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return Latencies.TotalCount == 0 ? 0 : Latencies.GetValueAtPercentile(percent);
    }

    internal static LongHistogram NewHistogram() => new(1, HighestNanoseconds, 3);

    internal static IntHistogram NewCoarseHistogram() => new(1, HighestNanoseconds, 2);

    /// <summary>Records <paramref name="nanoseconds"/>, clamped to the histogram's range.</summary>
    internal static void Record(HistogramBase histogram, long nanoseconds) =>
        histogram.RecordValue(Math.Clamp(nanoseconds, 1, HighestNanoseconds));

    /// <summary>The summary of <paramref name="latencies"/>, every one answered.</summary>
    internal static LatencySummary Of(IReadOnlyCollection<TimeSpan> latencies) =>
        new() { Latencies = HistogramOf(latencies), Count = latencies.Count, Errors = 0 };

    /// <summary>A histogram of <paramref name="latencies"/>, for summaries computed from a list.</summary>
    internal static LongHistogram HistogramOf(IEnumerable<TimeSpan> latencies)
    {
        var histogram = NewHistogram();
        foreach (var latency in latencies) Record(histogram, (long)(latency.Ticks * 100));
        return histogram;
    }

    static TimeSpan FromNanoseconds(double nanoseconds) => TimeSpan.FromTicks((long)Math.Round(nanoseconds / 100));
}
