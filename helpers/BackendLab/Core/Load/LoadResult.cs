using System.Globalization;
using HdrHistogram;

namespace BackendLab;

/// <summary>
/// What a load run measured. Latencies are <see cref="TimeSpan"/>s (read them with <c>.TotalMilliseconds</c>);
/// they cover every request that got a response, whatever its status code. Timeouts and connection errors have no
/// latency; they are counted in <see cref="Errors"/>. Shows as a table in a notebook; <see cref="ToString"/> is one line.
/// </summary>
public sealed partial record LoadResult
{
    /// <summary>The address that was loaded.</summary>
    public required string Url { get; init; }
    /// <summary>Closed loop: simulated users. Open loop: connections (the cap on requests in flight).</summary>
    public required int Concurrency { get; init; }
    /// <summary>Open loop: the offered rate in requests per second. Closed loop: null.</summary>
    public double? Rate { get; init; }
    /// <summary>"closed loop" or "open loop".</summary>
    public string Mode => Rate is null ? "closed loop" : "open loop";

    /// <summary>
    /// From the start of the measured phase until the last counted request finished: the measured phase plus its tail
    /// (requests still in flight at the end are waited for, up to their timeout).
    /// </summary>
    public required TimeSpan Elapsed { get; init; }
    /// <summary>
    /// The window <see cref="RequestsPerSecond"/> is measured over: the measured phase (<see cref="LoadOptions.Duration"/>),
    /// or less when <see cref="LoadOptions.MaxRequests"/> ended the run early.
    /// </summary>
    public required TimeSpan Window { get; init; }
    /// <summary>
    /// Requests counted: <see cref="Ok"/> + <see cref="Errors"/>. Every request sent in the measured phase is counted
    /// exactly once: answered (any status), or an error (a request still unanswered when the phase ends is waited for up
    /// to <see cref="LoadOptions.Timeout"/>, then counted as a timeout). Closed loop: a request sent in the warm-up that is
    /// still in flight when the measured phase starts is counted too (it kept a user busy during the phase).
    /// </summary>
    public long Count => Ok + Errors;
    /// <summary>Requests answered with a 2xx or 3xx status.</summary>
    public required long Ok { get; init; }
    /// <summary>Requests that failed: 4xx/5xx status, timeout, connection error, or (open loop) dropped.</summary>
    public required long Errors { get; init; }
    /// <summary>Errors by kind, e.g. <c>"HTTP 500"</c>, <c>"timeout"</c>, <c>"connection refused"</c>.</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }
    /// <summary>Open loop: requests not sent because every connection was busy and the backlog was full (included in <see cref="Errors"/>).</summary>
    public long Dropped => ErrorsByKind.GetValueOrDefault("dropped: too many requests in flight");
    /// <summary>Open loop: requests sent more than 1 ms after their scheduled time. Their latency still counts from the schedule.</summary>
    public required long Late { get; init; }

    /// <summary>
    /// Throughput: responses (any status) that arrived inside the measured window, divided by <see cref="Window"/>.
    /// Answers arriving in the tail after the window are counted in <see cref="Count"/> but not here, so that
    /// Little's law (<c>RequestsPerSecond × Mean ≈ requests in flight</c>) holds even for short runs.
    /// </summary>
    public required double RequestsPerSecond { get; init; }
    /// <summary>Median latency: half of the requests finished faster than this.</summary>
    public TimeSpan P50 => Percentile(50);
    /// <summary>90th percentile latency: 90 % of requests finished faster than this.</summary>
    public TimeSpan P90 => Percentile(90);
    /// <summary>99th percentile latency: 99 % of requests finished faster than this.</summary>
    public TimeSpan P99 => Percentile(99);
    /// <summary>99.9th percentile latency: 999 requests in 1000 finished faster than this.</summary>
    public TimeSpan P999 => Percentile(99.9);
    /// <summary>The slowest answered request.</summary>
    public TimeSpan Max => Latencies.TotalCount == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Latencies.GetMaxValue());
    /// <summary>Mean (average) latency. With Little's law: <c>RequestsPerSecond × Mean.TotalSeconds ≈ requests in flight</c>.</summary>
    public TimeSpan Mean => Latencies.TotalCount == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Latencies.GetMean());

    /// <summary>Requests finished, errors and latency for each second of the measured phase.</summary>
    public required IReadOnlyList<LoadSecond> Timeline { get; init; }
    /// <summary>CPU time this process (the load generator, plus any server running in it) used during the measured phase.</summary>
    public required TimeSpan ClientCpuTime { get; init; }
    /// <summary>Cores on this machine (<see cref="Environment.ProcessorCount"/>): client and server share them.</summary>
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;

    /// <summary>The full latency histogram (HdrHistogram, values in TimeSpan ticks of 100 ns).</summary>
    public required HistogramBase Latencies { get; init; }

    /// <summary>The latency below which <paramref name="percent"/> % of answered requests finished (0 when none was answered).</summary>
    public TimeSpan Percentile(double percent) =>
        Latencies.TotalCount == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Latencies.GetValueAtPercentile(percent));

    /// <summary>One line, e.g. <c>closed loop, 8 users: 1,234 req/s, p50 6.41 ms, p99 9.80 ms, 0 errors of 6,170, 5.00 s, 2 cores</c>.</summary>
    public override string ToString()
    {
        var load = Rate is { } r ? $"open loop at {r.ToString("N0", CultureInfo.InvariantCulture)} req/s, {Concurrency} connections" : $"closed loop, {Concurrency} users";
        var extra = Rate is null ? "" : $", {Late:N0} late";
        return string.Create(CultureInfo.InvariantCulture,
            $"{load}: {RequestsPerSecond:N0} req/s, p50 {Ms(P50)}, p90 {Ms(P90)}, p99 {Ms(P99)}, max {Ms(Max)}, {Errors:N0} errors of {Count:N0}{extra}, {Elapsed.TotalSeconds:0.00} s, client CPU {ClientCpuTime.TotalSeconds:0.00} s, {ProcessorCount} cores");
    }

    /// <summary>Formats a latency in milliseconds with a sensible number of digits: <c>0.213 ms</c>, <c>20.4 ms</c>, <c>1,532 ms</c>.</summary>
    public static string Ms(TimeSpan t)
    {
        var ms = t.TotalMilliseconds;
        return (ms < 1 ? ms.ToString("0.000", CultureInfo.InvariantCulture) : ms < 100 ? ms.ToString("0.00", CultureInfo.InvariantCulture) : ms.ToString("N0", CultureInfo.InvariantCulture)) + " ms";
    }
}
