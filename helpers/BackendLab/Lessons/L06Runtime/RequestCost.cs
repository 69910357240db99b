using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// What requests to one endpoint cost the lab server, measured from its <c>/stats</c> and <c>/runtime/gc</c> before and
/// after a short closed-loop run: bytes allocated and CPU time per request, the garbage collections they caused, how long
/// those paused the server, how many heaps each used, and how much survived into generation 2.
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
    /// <summary>How long the run lasted, from the server's counters read before it to those read after it.</summary>
    public TimeSpan Elapsed { get; init; }
    /// <summary>How long the collections during the run paused the server, in all (<c>GC.GetTotalPauseDuration()</c>, before and after).</summary>
    public TimeSpan GcPause { get; init; }
    /// <summary>For each number of heaps, how many of the run's collections used that many (the runtime's GC events; DATAS changes the number).</summary>
    public IReadOnlyDictionary<int, long> CollectionsByHeaps { get; init; } = new Dictionary<int, long>();
    /// <summary>Bytes the run's collections moved into generation 2: what lived long enough to burden a full collection.</summary>
    public long PromotedToGen2Bytes { get; init; }
    /// <summary>Bytes the server allocated during the run, in all.</summary>
    public long AllocatedBytes { get; init; }
    /// <summary>The collector's settings and counts after the run.</summary>
    public GcSnapshot? Gc { get; init; }

    /// <summary>The heaps the run's collections used, e.g. <c>1 heap ×3, 2 heaps ×16</c>; "no collection" when none ran.</summary>
    public string HeapsUsed => CollectionsByHeaps.Count == 0 ? "no collection"
        : string.Join(", ", CollectionsByHeaps.OrderBy(h => h.Key).Select(h => $"{h.Key} {(h.Key == 1 ? "heap" : "heaps")} ×{h.Value}"));

    /// <summary>Loads <paramref name="path"/> on <paramref name="lab"/> for <paramref name="duration"/> (default 1 s, no warm-up) and reads the server's counters around it.</summary>
    /// <param name="lab">The lab server.</param>
    /// <param name="path">E.g. <c>/plaintext</c> or <c>/json?items=100</c>.</param>
    /// <param name="concurrency">Users in the closed loop. Default 8.</param>
    /// <param name="duration">Length of the run. Default 1 s.</param>
    public static async Task<RequestCost> MeasureAsync(LabProcess lab, string path, int concurrency = 8, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var gcBefore = await lab.GetGcSnapshotAsync();   // the first call starts the server listening to its GC events
        var before = await lab.GetStatsAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await Load.RunAsync(lab.Url + path, new LoadOptions { Concurrency = concurrency, Duration = duration ?? TimeSpan.FromSeconds(1), Warmup = TimeSpan.Zero });
        var after = await lab.GetStatsAsync();
        var elapsed = clock.Elapsed;
        var gcAfter = await lab.GetGcSnapshotAsync();
        var n = Math.Max(1, run.Count);
        return new RequestCost
        {
            Path = path, Requests = run.Count, RequestsPerSecond = run.RequestsPerSecond,
            BytesPerRequest = (double)(after.AllocatedBytes - before.AllocatedBytes) / n,
            CpuPerRequest = TimeSpan.FromMilliseconds((after.CpuTimeMs - before.CpuTimeMs) / n),
            Gen0Collections = after.Gen0Collections - before.Gen0Collections,
            Gen1Collections = after.Gen1Collections - before.Gen1Collections,
            Gen2Collections = after.Gen2Collections - before.Gen2Collections,
            Elapsed = elapsed,
            GcPause = TimeSpan.FromMilliseconds(gcAfter.PauseMs - gcBefore.PauseMs),
            CollectionsByHeaps = gcAfter.CollectionsByHeaps
                .Select(h => (h.Key, Count: h.Value - gcBefore.CollectionsByHeaps.GetValueOrDefault(h.Key)))
                .Where(h => h.Count > 0).ToDictionary(h => h.Key, h => h.Count),
            PromotedToGen2Bytes = gcAfter.PromotedToGen2Bytes - gcBefore.PromotedToGen2Bytes,
            AllocatedBytes = after.AllocatedBytes - before.AllocatedBytes,
            Gc = gcAfter,
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
            .Column("gen2 GCs", "full collections: the expensive kind")
            .Column("GC pause", "how long the run's collections paused the server, in all (GC.GetTotalPauseDuration)")
            .Column("heaps", "heaps each collection used (the runtime's GC events): DATAS adds heaps as allocation demands")
            .Column("into gen2", "bytes that survived into generation 2 during the run");
        foreach (var c in costs)
            table.Row(c.Path, c.Requests, Math.Round(c.RequestsPerSecond), Math.Round(c.BytesPerRequest), c.CpuPerRequest, c.Gen0Collections, c.Gen1Collections, c.Gen2Collections,
                c.GcPause, c.HeapsUsed, c.PromotedToGen2Bytes);
        return table;
    }

    /// <summary>One line, e.g. <c>/json?items=100: 2,836 requests, 11,388 bytes and 0.223 ms CPU per request, GCs 13/1/0</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}: {Requests:N0} requests, {BytesPerRequest:N0} bytes and {Durations.Format(CpuPerRequest)} CPU per request, GCs gen0/1/2 {Gen0Collections}/{Gen1Collections}/{Gen2Collections}");

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Table(this).WriteTo(writer, encoder);
}
