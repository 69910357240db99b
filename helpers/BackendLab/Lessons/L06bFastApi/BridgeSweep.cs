using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06bFastApi;

/// <summary>
/// The same endpoint measured on every server of lesson 6b at the same numbers of users. Shows as one chart
/// (throughput on the left axis, p99 on the right, against users) and a table with each server's CPU per request.
/// </summary>
/// <param name="Path">The endpoint, e.g. <c>/cpu?ms=5</c>.</param>
/// <param name="Cores">The cores the servers really got (the fewest over all of them).</param>
/// <param name="Servers">One sweep per server.</param>
public sealed record BridgeSweep(string Path, int Cores, IReadOnlyList<ServerSweep> Servers) : IHtmlContent
{
    /// <summary>The sweep of one kind of server, or null when it was not measured (FastAPI skipped).</summary>
    public ServerSweep? Of(BridgeServerKind kind) => Servers.FirstOrDefault(s => s.Kind == kind);

    /// <summary>True when both FastAPI servers and Kestrel were measured.</summary>
    public bool IsComplete => Enum.GetValues<BridgeServerKind>().All(k => Of(k) is not null);

    /// <summary>Throughput (solid) and p99 (dotted, right axis) of every server against users.</summary>
    public Chart ToChart(string? title = null)
    {
        var chart = Chart.Line(title ?? $"{Path}: throughput and p99 against users, servers on {Cores} core{(Cores == 1 ? "" : "s")}");
        foreach (var s in Servers)
            chart.Add($"{s.Server}: req/s", s.Points.Select(p => (double)p.Users), s.Points.Select(p => p.RequestsPerSecond));
        foreach (var s in Servers)
            chart.Add($"{s.Server}: p99 (ms)", s.Points.Select(p => (double)p.Users), s.Points.Select(p => p.Requests == p.Errors ? double.NaN : p.P99.TotalMilliseconds), secondAxis: true);
        return chart.XAxis("users (log scale)", log: true).YAxis("throughput (requests/s, log scale)", log: true).Y2Axis("p99 latency (ms)");
    }

    /// <summary>One row per server and number of users: req/s, p50, p99, errors, server CPU per request and cores used.</summary>
    public HtmlTable ToTable()
    {
        var table = new HtmlTable($"{Path}, servers pinned to {Cores} core{(Cores == 1 ? "" : "s")}")
            .Column("server").Column("users")
            .Column("req/s", "answers ÷ the run's elapsed time (each run starts cold, so all its requests' CPU time is counted)")
            .Column("p50").Column("p99")
            .Column("errors")
            .Column("CPU/request", "CPU time of all the server's processes during the run ÷ requests")
            .Column("cores used", "the server's CPU time ÷ the run's elapsed time");
        foreach (var s in Servers)
            foreach (var p in s.Points)
                table.Row(s.Server, p.Users, Math.Round(p.RequestsPerSecond), p.P50, p.P99, p.Errors, Math.Round(p.CpuPerRequest.TotalMilliseconds, 3) + " ms", Math.Round(p.CoresUsed, 2));
        return table;
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ToChart().WriteTo(writer, encoder);
        ToTable().WriteTo(writer, encoder);
    }
}

/// <summary>Memory of every server of lesson 6b, per process. Shows as a table.</summary>
/// <param name="Servers">One entry per server.</param>
public sealed record BridgeMemory(IReadOnlyList<ServerMemory> Servers) : IHtmlContent
{
    /// <summary>The memory of one kind of server, or null when it was not measured.</summary>
    public ServerMemory? Of(BridgeServerKind kind) => Servers.FirstOrDefault(s => s.Kind == kind);

    /// <summary>Megabytes (10⁶ bytes), one decimal.</summary>
    public static double Mb(long bytes) => Math.Round(bytes / 1e6, 1);

    /// <summary>One row per server: processes, RSS of each, total.</summary>
    public HtmlTable ToTable()
    {
        var table = new HtmlTable("Resident memory (RSS) after the runs")
            .Column("server").Column("processes")
            .Column("RSS per process (MB)", "uvicorn with workers: the master first, then each worker")
            .Column("RSS total (MB)", "shared pages (the Python interpreter, the .NET runtime) count once per process");
        foreach (var s in Servers)
            table.Row(s.Server, s.Processes, string.Join(" + ", s.BytesPerProcess.Select(b => Mb(b).ToString(System.Globalization.CultureInfo.InvariantCulture))), Mb(s.TotalBytes));
        return table;
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => ToTable().WriteTo(writer, encoder);
}
