namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// Several sweeps on one chart: throughput of each against concurrency, Little's law's prediction for a fixed
/// service time as a dashed line, and each sweep's p99 on the right-hand axis.
/// <code>ScalingChart.Compare("Async vs blocking", TimeSpan.FromMilliseconds(20), ("async", asyncSweep), ("blocking", blockingSweep))</code>
/// </summary>
public static class ScalingChart
{
    /// <summary>Draws the closed-loop <paramref name="sweeps"/> against concurrency (log scale).</summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="serviceTime">How long one request takes when nothing queues: the dashed line is users ÷ this time (Little's law).</param>
    /// <param name="sweeps">Named sweeps, e.g. <c>("async", a)</c>.</param>
    public static Chart Compare(string title, TimeSpan serviceTime, params (string Name, LoadSweep Sweep)[] sweeps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(serviceTime, TimeSpan.Zero);
        var chart = Chart.Line(title);
        var users = sweeps.SelectMany(s => s.Sweep.Points.Select(p => (double)p.Concurrency)).Distinct().Order().ToList();
        chart.AddDashed($"Little's law: users ÷ {Durations.Format(serviceTime)}", users, users.Select(u => u / serviceTime.TotalSeconds));
        foreach (var (name, sweep) in sweeps)
            chart.Add($"{name}: req/s", sweep.Points.Select(p => (double)p.Concurrency), sweep.Points.Select(p => p.RequestsPerSecond));
        foreach (var (name, sweep) in sweeps)
            chart.Add($"{name}: p99 (ms)", sweep.Points.Select(p => (double)p.Concurrency), sweep.Points.Select(p => p.Count == p.Errors ? double.NaN : p.P99.TotalMilliseconds), secondAxis: true);
        return chart.XAxis("concurrency (users, log scale)", log: true).YAxis("throughput (requests/s, log scale)", log: true).Y2Axis("p99 latency (ms)");
    }
}
