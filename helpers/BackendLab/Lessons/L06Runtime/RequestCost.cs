using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// What requests to one endpoint cost the lab server, measured from its <c>/stats</c> before and after a short
/// closed-loop run: bytes allocated and CPU time per request, and the garbage collections they caused.
/// <code>var cost = await RequestCost.MeasureAsync(lab, "/json?items=100");</code>
/// </summary>
public sealed record RequestCost : IHtmlContent
{
    /// <summary>The path that was loaded.</summary>
    public required string Path { get; init; }
    /// <summary>Requests the run finished.</summary>
    public required long Requests { get; init; }
    /// <summary>Throughput of the run.</summary>
    public required double RequestsPerSecond { get; init; }
    /// <summary>Bytes the server allocated per request (everything it allocated during the run ÷ requests).</summary>
    public required double BytesPerRequest { get; init; }
    /// <summary>Server CPU time per request.</summary>
    public required TimeSpan CpuPerRequest { get; init; }
    /// <summary>Generation-0 collections during the run (the cheap, frequent kind).</summary>
    public required int Gen0Collections { get; init; }
    /// <summary>Generation-1 collections during the run.</summary>
    public required int Gen1Collections { get; init; }
    /// <summary>Generation-2 (full) collections during the run.</summary>
    public required int Gen2Collections { get; init; }

    /// <summary>Loads <paramref name="path"/> on <paramref name="lab"/> for <paramref name="duration"/> (default 1 s, no warm-up) and reads the server's counters around it.</summary>
    /// <param name="lab">The lab server.</param>
    /// <param name="path">E.g. <c>/plaintext</c> or <c>/json?items=100</c>.</param>
    /// <param name="concurrency">Users in the closed loop. Default 8.</param>
    /// <param name="duration">Length of the run. Default 1 s.</param>
    public static async Task<RequestCost> MeasureAsync(LabProcess lab, string path, int concurrency = 8, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var before = await lab.GetStatsAsync();
        var run = await Load.RunAsync(lab.Url + path, new LoadOptions { Concurrency = concurrency, Duration = duration ?? TimeSpan.FromSeconds(1), Warmup = TimeSpan.Zero });
        var after = await lab.GetStatsAsync();
        var n = Math.Max(1, run.Count);
        return new RequestCost
        {
            Path = path, Requests = run.Count, RequestsPerSecond = run.RequestsPerSecond,
            BytesPerRequest = (double)(after.AllocatedBytes - before.AllocatedBytes) / n,
            CpuPerRequest = TimeSpan.FromMilliseconds((after.CpuTimeMs - before.CpuTimeMs) / n),
            Gen0Collections = after.Gen0Collections - before.Gen0Collections,
            Gen1Collections = after.Gen1Collections - before.Gen1Collections,
            Gen2Collections = after.Gen2Collections - before.Gen2Collections,
        };
    }

    /// <summary>A table with one row per measurement, for comparing endpoints.</summary>
    public static HtmlTable Table(params RequestCost[] costs)
    {
        var table = new HtmlTable($"What a request costs the server, {Environment.ProcessorCount} cores")
            .Column("path", "the endpoint loaded")
            .Column("requests", "requests finished in the run")
            .Column("req/s", "throughput")
            .Column("bytes/request", "memory allocated per request (garbage for the GC to collect later)")
            .Column("CPU/request", "server CPU time per request")
            .Column("gen0 GCs", "generation-0 collections during the run: cheap, frequent")
            .Column("gen1 GCs", "generation-1 collections")
            .Column("gen2 GCs", "full collections: the expensive kind");
        foreach (var c in costs)
            table.Row(c.Path, c.Requests, Math.Round(c.RequestsPerSecond), Math.Round(c.BytesPerRequest), c.CpuPerRequest, c.Gen0Collections, c.Gen1Collections, c.Gen2Collections);
        return table;
    }

    /// <summary>One line, e.g. <c>/json?items=100: 2,836 requests, 11,388 bytes and 0.223 ms CPU per request, GCs 13/1/0</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}: {Requests:N0} requests, {BytesPerRequest:N0} bytes and {Durations.Format(CpuPerRequest)} CPU per request, GCs gen0/1/2 {Gen0Collections}/{Gen1Collections}/{Gen2Collections}");

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Table(this).WriteTo(writer, encoder);
}
