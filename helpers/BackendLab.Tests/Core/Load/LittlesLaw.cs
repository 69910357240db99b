namespace BackendLab.Tests.Core;

/// <summary>The margins the load tests allow around Little's law (requests in flight = throughput × mean latency).</summary>
internal static class LittlesLaw
{
    /// <summary>
    /// Throughput × mean latency may exceed the users by up to half: a stall near the end of a short window lengthens the
    /// latencies of the requests answered after it (they count in the mean, not in the window's rate). Counting a request
    /// twice, or a latency twice over, gives 2× and still fails.
    /// </summary>
    public const double UpperMargin = 1.5;
}
