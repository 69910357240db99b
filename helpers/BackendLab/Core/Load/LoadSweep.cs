using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// The results of <see cref="Load.SweepAsync"/>: the same load at several concurrencies (closed loop) or rates
/// (open loop). Shows as a chart plus a table; <see cref="ToChart"/> gives the chart alone.
/// </summary>
public sealed class LoadSweep(IReadOnlyList<LoadResult> points) : IHtmlContent
{
    /// <summary>One result per concurrency or rate, in the order they ran.</summary>
    public IReadOnlyList<LoadResult> Points { get; } = points;

    /// <summary>True when the sweep varied the offered rate (open loop) rather than the number of users.</summary>
    public bool IsOpenLoop => Points.Count > 0 && Points[0].Rate is not null;

    /// <summary>
    /// Throughput (left axis) and p50/p99 latency (right axis) against the swept value.
    /// Closed loop: the dashed line is Little's law, users ÷ mean latency: where it meets the measured throughput,
    /// every user was always waiting on the server. Open loop: the dashed line is "achieved = offered".
    /// </summary>
    public Chart ToChart()
    {
        var x = Points.Select(p => IsOpenLoop ? p.Rate!.Value : p.Concurrency).ToList();
        var chart = Chart.Line(IsOpenLoop ? "Throughput and latency vs offered rate" : "Throughput and latency vs concurrency")
            .Add("req/s", x, Points.Select(p => p.RequestsPerSecond));
        chart = IsOpenLoop
            ? chart.AddDashed("achieved = offered", x, x)
            : chart.AddDashed("Little's law: users ÷ mean latency", x, Points.Select(p => p.Mean > TimeSpan.Zero ? p.Concurrency / p.Mean.TotalSeconds : double.NaN));
        return chart
            .Add("p50 (ms)", x, Points.Select(p => p.NoneCompleted ? double.NaN : p.P50.TotalMilliseconds), secondAxis: true)
            .Add("p99 (ms)", x, Points.Select(p => p.NoneCompleted ? double.NaN : p.P99.TotalMilliseconds), secondAxis: true)
            .XAxis(IsOpenLoop ? "offered rate (requests/s)" : "concurrency (users)", log: !IsOpenLoop)
            .YAxis("throughput (requests/s)")
            .Y2Axis("latency (ms)");
    }

    /// <summary>One row per point: concurrency or rate, req/s, p50, p99, errors, and Little's law's prediction.</summary>
    public HtmlTable ToTable()
    {
        var table = new HtmlTable($"{(IsOpenLoop ? "Open" : "Closed")} loop sweep, {Environment.ProcessorCount} cores")
            .Column(IsOpenLoop ? "offered req/s" : "users", IsOpenLoop ? "requests per second sent on schedule" : "simulated users, each waiting for its answer before sending again")
            .Column("req/s", "throughput: successful responses (2xx, 3xx) received per second")
            .Column("errors/s", "error answers, rejections, timeouts per second: not throughput")
            .Column("p50", "half of the requests finished faster than this")
            .Column("p99", "99 % of requests finished faster than this")
            .Column("errors", "failed requests (status ≥ 400, timeouts, connection errors, dropped)")
            .Column("responses/s × mean", "Little's law: requests in flight on average (≈ users in a closed loop); responses of any status");
        foreach (var p in Points)
            table.Row(IsOpenLoop ? p.Rate : p.Concurrency, Math.Round(p.RequestsPerSecond), Math.Round(p.ErrorsPerSecond), p.Cell(p.P50), p.Cell(p.P99), p.Errors,
                p.NoneCompleted ? null : Math.Round(p.ResponsesPerSecond * p.Mean.TotalSeconds, 2));
        return table;
    }

    /// <summary>One line per point (see <see cref="LoadResult.ToString"/>).</summary>
    public override string ToString() => string.Join(Environment.NewLine, Points);

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ToChart().WriteTo(writer, encoder);
        ToTable().WriteTo(writer, encoder);
    }
}
