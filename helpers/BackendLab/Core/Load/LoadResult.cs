using System.Globalization;

namespace BackendLab;

/// <summary>
/// What a load run measured: a <see cref="LatencySummary"/> (count, errors, mean, p50… as <see cref="TimeSpan"/>s) plus
/// throughput and a timeline. Latencies cover every request that got a response, whatever its status code. Timeouts and
/// connection errors have no latency; they are counted in <see cref="LatencySummary.Errors"/>. Shows as a table in a
/// notebook; <see cref="ToString"/> is one line.
/// </summary>
public sealed partial record LoadResult : LatencySummary
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
    /// <summary>Requests answered with a 2xx or 3xx status.</summary>
    public required long Ok { get; init; }
    /// <summary>Errors by kind, e.g. <c>"HTTP 500"</c>, <c>"timeout"</c>, <c>"connection refused"</c>.</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }
    /// <summary>Open loop: requests not sent because every connection was busy and the backlog was full (included in <see cref="LatencySummary.Errors"/>).</summary>
    public long Dropped => ErrorsByKind.GetValueOrDefault("dropped: too many requests in flight");
    /// <summary>The errors by kind in one line, the most frequent first, e.g. <c>timeout × 12, HTTP 500 × 3</c>; empty when there were none.</summary>
    public string ErrorKinds => string.Join(", ", ErrorsByKind.OrderByDescending(e => e.Value).Select(e => $"{e.Key} × {e.Value:N0}"));
    /// <summary>Open loop: requests sent more than 1 ms after their scheduled time. Their latency still counts from the schedule.</summary>
    public required long Late { get; init; }

    /// <summary>
    /// Throughput: successful responses (2xx, 3xx) that arrived inside the measured window, divided by <see cref="Window"/>.
    /// Errors and rejections (a 503 from a limiter, a timeout) are not throughput: they are in <see cref="ErrorsPerSecond"/>.
    /// Answers arriving in the tail after the window are counted in <see cref="LatencySummary.Count"/> but not here.
    /// </summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>Requests that ended without success inside the measured window (error statuses, rejections, timeouts, connection errors, dropped), per second.</summary>
    public double ErrorsPerSecond { get; init; }

    /// <summary>
    /// Responses of any status that arrived inside the measured window, per second: the rate for Little's law
    /// (<c>ResponsesPerSecond × Mean ≈ requests in flight</c>, since <see cref="LatencySummary.Mean"/> covers every answered request).
    /// Equal to <see cref="RequestsPerSecond"/> when every answer was a success.
    /// </summary>
    public double ResponsesPerSecond { get; init; }

    /// <summary>Requests finished, errors and latency for each second of the measured phase.</summary>
    public required IReadOnlyList<LoadSecond> Timeline { get; init; }
    /// <summary>
    /// CPU time the generator's process used during the measured phase: this process (the load generator, plus any server
    /// running in it), or, with <see cref="LoadOptions.InSeparateProcess"/>, the generator's own process alone.
    /// </summary>
    public required TimeSpan ClientCpuTime { get; init; }
    /// <summary>
    /// The process that sent the requests: this one's id (<see cref="Environment.ProcessId"/>), or another's when the run
    /// had <see cref="LoadOptions.InSeparateProcess"/> set.
    /// </summary>
    public int GeneratorProcessId { get; init; } = Environment.ProcessId;
    /// <summary>True when the requests left from another process than this one (<see cref="LoadOptions.InSeparateProcess"/>).</summary>
    public bool FromSeparateProcess => GeneratorProcessId != Environment.ProcessId;
    /// <summary>Cores on this machine (<see cref="Environment.ProcessorCount"/>): client and server share them.</summary>
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;

    /// <summary>One line, e.g. <c>closed loop, 8 users: 1,234 req/s ok, 0 errors/s, p50 6.41 ms, p99 9.80 ms, 0 errors of 6,170, 5.00 s, 2 cores</c>.</summary>
    public override string ToString()
    {
        var load = Rate is { } r ? $"open loop at {r.ToString("N0", CultureInfo.InvariantCulture)} req/s, {Concurrency} connections" : $"closed loop, {Concurrency} users";
        var extra = Rate is null ? "" : $", {Late:N0} late";
        return string.Create(CultureInfo.InvariantCulture,
            $"{load}: {RequestsPerSecond:N0} req/s ok, {ErrorsPerSecond:N0} errors/s, p50 {Shown(P50)}, p90 {Shown(P90)}, p99 {Shown(P99)}, max {Shown(Max)}, {Errors:N0} errors of {Count:N0}{extra}, {Elapsed.TotalSeconds:0.00} s, client CPU {ClientCpuTime.TotalSeconds:0.00} s, {ProcessorCount} cores");
    }
}
