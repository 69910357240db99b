using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

// How a LoadResult shows itself in a notebook: a one-row table with a legend line per figure.
public sealed partial record LoadResult : IHtmlContent
{
    /// <summary>The result as a compact table, with a one-line legend per column.</summary>
    public HtmlTable ToTable()
    {
        var load = Rate is { } r ? $"open loop, {r:N0} req/s offered over {Concurrency} connections" : $"closed loop, {Concurrency} users";
        var table = new HtmlTable($"{load} → {Url}")
            .Column("req/s", "throughput: successful responses (2xx, 3xx) received inside the measured window, per second of it")
            .Column("errors/s", "error answers, rejections (e.g. 503), timeouts and connection errors inside the window, per second: not throughput")
            .Column("requests", "requests counted (ok + errors): every one sent in the measured phase, and (closed loop) any still in flight from the warm-up")
            .Column("errors", "4xx/5xx answers, timeouts, connection errors" + (Rate is null ? "" : ", dropped requests"))
            .Column("p50", "half of the requests finished faster than this (the median)")
            .Column("p90", "90 % of requests finished faster than this")
            .Column("p99", "99 % of requests finished faster than this")
            .Column("p99.9", "999 requests in 1000 finished faster than this")
            .Column("max", "the slowest request")
            .Column("mean", "average latency; responses/s (ok + error answers) × mean ≈ requests in flight (Little's law)");
        if (Rate is not null) table.Column("late", "requests sent > 1 ms after their scheduled time (latency still counts from the schedule)");
        table.Column("time", "the measured phase and its tail (requests still in flight at its end are waited for)")
            .Column("client CPU", FromSeparateProcess
                ? $"CPU time the load generator's own process ({GeneratorProcessId}, not this one) used while measuring"
                : "CPU time this process used while measuring (includes a server running in the notebook)")
            .Column("cores", "Environment.ProcessorCount: client and server share these cores");
        List<object?> cells = [Math.Round(RequestsPerSecond), Math.Round(ErrorsPerSecond), Count, Errors, Cell(P50), Cell(P90), Cell(P99), Cell(P999), Cell(Max), Cell(Mean)];
        if (Rate is not null) cells.Add(Late);
        cells.AddRange([$"{Elapsed.TotalSeconds:0.00} s", $"{ClientCpuTime.TotalSeconds:0.00} s", ProcessorCount]);
        return table.Row([.. cells]);
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ToTable().WriteTo(writer, encoder);
        if (ErrorsByKind.Count > 0)
            writer.Write($"<div style=\"{Html.Font};margin-top:4px\">Errors: {Html.Encode(ErrorKinds)}</div>");
    }
}
