using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// The lab server's garbage collector as the runtime reports it: which collector runs, whether DATAS adapts its number of
/// heaps, how many heaps its collections really used, and how long they paused it. Each row names the API that gives it,
/// so you can read the same in your own app.
/// <code>await GcReport.ReadAsync(lab)</code>
/// </summary>
public sealed record GcReport : IHtmlContent
{
    /// <summary>What the server reported (<c>/runtime/gc</c>).</summary>
    public required GcSnapshot Snapshot { get; init; }

    /// <summary>Reads <paramref name="lab"/>'s collector. Heap counts cover the collections since the server was first asked (by <see cref="RequestCost"/>, or by this call).</summary>
    public static async Task<GcReport> ReadAsync(LabProcess lab) => new() { Snapshot = await lab.GetGcSnapshotAsync() };

    /// <summary>What the numbers say, generated from them: the collector, and the heaps its collections used.</summary>
    public string Reading => Read(Snapshot);

    /// <summary><see cref="Reading"/> for any snapshot (pure: for tests).</summary>
    public static string Read(GcSnapshot gc)
    {
        ArgumentNullException.ThrowIfNull(gc);
        if (!gc.ServerGc) return "The server runs the workstation collector: one heap, whatever the cores.";
        var heaps = gc.CollectionsByHeaps.OrderBy(h => h.Key).ToList();
        var used = heaps.Count == 0 ? "no collection has run yet"
            : $"its {N(gc.Collections)} {(gc.Collections == 1 ? "collection" : "collections")} so far used " +
              string.Join(" and ", heaps.Select(h => $"{Heaps(h.Key)} ({N(h.Value)} {(h.Value == 1 ? "collection" : "collections")})"));
        if (!gc.DynamicAdaptation)
            return $"The server runs the server collector without DATAS: {Heaps(gc.MaxHeaps)}, one per core it may run on; {used}.";
        var limit = $"It may use up to {Heaps(gc.MaxHeaps)}, one per core it may run on";
        if (gc.MaxHeaps == 1) return $"The server runs the server collector with DATAS on. {limit}, so there is nothing to adapt here; {used}.";
        var verdict = heaps.Count == 0 ? "" : heaps[0].Key < gc.MaxHeaps
            ? $": not a heap per core throughout — DATAS used fewer while fewer were enough"
            : $": a heap per core for every one (DATAS found that many worth it)";
        return $"The server runs the server collector with DATAS on. {limit}; {used}{verdict}.";
    }

    /// <summary>The settings and counts, each with the API that gives it.</summary>
    public HtmlTable ToTable()
    {
        var gc = Snapshot;
        return new HtmlTable("The lab server's garbage collector")
            .Column("what", null).Column("value", null).Column("where it comes from (in your app)", null)
            .Row("collector", gc.ServerGc ? "server" : "workstation", "GCSettings.IsServerGC")
            .Row("DATAS (heaps adapt to the load)", gc.DynamicAdaptation ? "on" : "off", "GC.GetConfigurationVariables()[\"GCDynamicAdaptationMode\"] (1 = on, the default since .NET 9)")
            .Row("heaps at most", gc.MaxHeaps, "GC.GetConfigurationVariables()[\"HeapCount\"]")
            .Row("heaps each collection used (since the report was first asked for)", gc.CollectionsByHeaps.Count == 0 ? "no collection yet"
                : string.Join(", ", gc.CollectionsByHeaps.OrderBy(h => h.Key).Select(h => $"{Heaps(h.Key)}: {N(h.Value)}")),
                "the runtime's GCGlobalHeapHistory event (NumHeaps), read with an EventListener; dotnet-trace shows it too")
            .Row("collections since the server started (gen 0 / gen 2; one full collection was run on purpose when the report was first asked for, to settle the start-up objects)",
                $"{N(gc.Gen0Collections)} / {N(gc.Gen2Collections)}", "GC.CollectionCount(0), GC.CollectionCount(2); dotnet-counters: dotnet.gc.collections")
            .Row("paused for collections, in all", TimeSpan.FromMilliseconds(gc.PauseMs), "GC.GetTotalPauseDuration(); dotnet-counters: dotnet.gc.pause.time")
            .Row("bytes allocated", N(gc.AllocatedBytes), "GC.GetTotalAllocatedBytes(); dotnet-counters: dotnet.gc.heap.total_allocated");
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ToTable().WriteTo(writer, encoder);
        writer.Write($"<p style=\"{Html.Font}\">{Html.Encode(Reading)}</p>");
    }

    /// <inheritdoc/>
    public override string ToString() => Reading;

    static string Heaps(int n) => n == 1 ? "1 heap" : $"{n} heaps";
    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
