using System.Diagnostics.Tracing;
using BackendLab;

namespace LabServer;

/// <summary>
/// Lesson 6's view of the garbage collector (<c>/runtime/gc</c>): the collector's settings, and an in-process
/// <see cref="EventListener"/> on the runtime's GC events, which say how many heaps each collection used (DATAS changes
/// that number while the server runs) and how much survived into generation 2. Listening starts with the first
/// <see cref="Snapshot"/>, so a server that is never asked pays nothing; that first call also runs one full collection,
/// which settles the server's start-up objects (routes, caches, pools) in generation 2, so that what later runs promote
/// is their own.
/// </summary>
public sealed class GcWatcher : EventListener
{
    const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    const EventKeywords GcKeyword = (EventKeywords)0x1;
    static GcWatcher? _instance;
    static readonly Lock Gate = new();

    readonly Dictionary<int, long> _byHeaps = [];
    long _collections, _promotedToGen2;
    int _lastHeaps;
    int _gen0AtStart = -1;

    /// <summary>The collector's settings and what its events reported since the first call (which starts listening).</summary>
    public static GcSnapshot Snapshot()
    {
        lock (Gate)
        {
            if (_instance is null)
            {
                GC.Collect();   // settle the start-up objects in generation 2 before anything is measured
                _instance = new GcWatcher();
            }
        }
        return _instance.Read();
    }

    GcSnapshot Read()
    {
        // Events arrive on the listener's own thread, shortly after each collection: wait (at most 1 s) until every
        // generation-0 collection counted by the runtime since listening began has been reported.
        var expected = GC.CollectionCount(0) - Math.Max(_gen0AtStart, 0);
        for (var waited = 0; waited < 1000 && Interlocked.Read(ref _collections) < expected; waited += 20) Thread.Sleep(20);
        var config = GC.GetConfigurationVariables();
        lock (_byHeaps)
            return new GcSnapshot(
                System.Runtime.GCSettings.IsServerGC,
                config.TryGetValue("ConcurrentGC", out var concurrent) && concurrent is true,
                config.TryGetValue("GCDynamicAdaptationMode", out var datas) && Convert.ToInt64(datas, System.Globalization.CultureInfo.InvariantCulture) == 1 && System.Runtime.GCSettings.IsServerGC,
                config.TryGetValue("HeapCount", out var heaps) ? Convert.ToInt32(heaps, System.Globalization.CultureInfo.InvariantCulture) : 1,
                _collections, _lastHeaps, new Dictionary<int, long>(_byHeaps), _promotedToGen2,
                GC.GetTotalPauseDuration().TotalMilliseconds, GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
    }

    /// <inheritdoc/>
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name != RuntimeSource) return;
        if (_gen0AtStart < 0) _gen0AtStart = GC.CollectionCount(0);
        EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
    }

    /// <inheritdoc/>
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || e.Payload is null || e.PayloadNames is null) return;
        if (e.EventName.StartsWith("GCGlobalHeapHistory", StringComparison.Ordinal))
        {
            var heaps = Convert.ToInt32(Payload(e, "NumHeaps") ?? 1, System.Globalization.CultureInfo.InvariantCulture);
            lock (_byHeaps)
            {
                _byHeaps[heaps] = _byHeaps.GetValueOrDefault(heaps) + 1;
                _lastHeaps = heaps;
                Interlocked.Increment(ref _collections);
            }
        }
        else if (e.EventName.StartsWith("GCHeapStats", StringComparison.Ordinal) && Payload(e, "TotalPromotedSize1") is { } promoted)
        {
            lock (_byHeaps) _promotedToGen2 += Convert.ToInt64(promoted, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    static object? Payload(EventWrittenEventArgs e, string name)
    {
        var i = e.PayloadNames!.IndexOf(name);
        return i < 0 ? null : e.Payload![i];
    }
}
