namespace BackendLab;

/// <summary>One second of a load run's measured phase (second 0 is the first).</summary>
/// <param name="Second">Seconds since the measured phase began.</param>
/// <param name="Count">Requests that finished during this second (answered or failed).</param>
/// <param name="Errors">Of those, how many failed.</param>
/// <param name="P50">Median latency of the requests answered during this second (2 significant digits).</param>
/// <param name="P99">99th percentile latency of the requests answered during this second (2 significant digits).</param>
/// <param name="Max">Slowest request answered during this second.</param>
public sealed record LoadSecond(int Second, long Count, long Errors, TimeSpan P50, TimeSpan P99, TimeSpan Max);
