namespace BackendLab;

// The two pictures of one LoadResult: latency by percentile, and what happened second by second.
public sealed partial record LoadResult
{
    static readonly double[] ChartPercentiles = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100];

    /// <summary>
    /// Latency by percentile, the way HdrHistogram plots it: the horizontal axis counts "nines"
    /// (10 = p90, 100 = p99, 1000 = p99.9) so the rare slow requests get as much room as the typical ones.
    /// </summary>
    public Chart ToChart()
    {
        var points = ChartPercentiles.Where(p => p < 100 && Count * (1 - p / 100) >= 1).ToList();
        return Chart.Line($"Latency by percentile — {this.Mode}, {Concurrency} {(Rate is null ? "users" : "connections")}")
            .Add("latency", points.Select(p => 1 / (1 - p / 100)), points.Select(p => Percentile(p).TotalMilliseconds))
            .XAxis("percentile, as 1 / (1 − p): 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9", log: true)
            .YAxis("latency (ms)");
    }

    /// <summary>Second by second: requests finished per second, and the median and p99 latency of that second.</summary>
    public Chart ToTimelineChart()
    {
        var seconds = Timeline.Select(s => (double)s.Second).ToList();
        return Chart.Line("Second by second")
            .Add("requests/s", seconds, Timeline.Select(s => (double)s.Count))
            .Add("p50 (ms)", seconds, Timeline.Select(s => s.P50.TotalMilliseconds), secondAxis: true)
            .Add("p99 (ms)", seconds, Timeline.Select(s => s.P99.TotalMilliseconds), secondAxis: true)
            .XAxis("second of the measured phase")
            .YAxis("requests finished per second")
            .Y2Axis("latency (ms)");
    }
}
