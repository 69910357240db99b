namespace BackendLab;

/// <summary>
/// The lab server's garbage collector as it reports itself at <c>/runtime/gc</c> (lesson 6): its settings, and what the
/// runtime's own GC events said about the collections since the server first answered <c>/runtime/gc</c> (the events are
/// listened to from then on only, so other lessons' servers pay nothing). Compiled into BackendLab and the lab server
/// alike (helpers/LabServer/Contract). The first call also runs one full collection, settling the server's start-up objects
/// in generation 2, so that what later runs promote is their own.
/// </summary>
/// <param name="ServerGc">True when the server collector runs (<c>GCSettings.IsServerGC</c>).</param>
/// <param name="ConcurrentGc">True when full collections may run in the background (<c>GC.GetConfigurationVariables()["ConcurrentGC"]</c>).</param>
/// <param name="DynamicAdaptation">DATAS, the server collector's dynamic adaptation to application sizes: true when on (<c>GC.GetConfigurationVariables()["GCDynamicAdaptationMode"]</c> is 1, the default since .NET 9).</param>
/// <param name="MaxHeaps">The most heaps the collector may use (<c>GC.GetConfigurationVariables()["HeapCount"]</c>): one per core the process may run on, for the server collector; 1 for the workstation one.</param>
/// <param name="Collections">Collections the runtime's GC events reported since listening began.</param>
/// <param name="HeapsAtLastCollection">Heaps the last of those collections worked on (the <c>NumHeaps</c> of the runtime's <c>GCGlobalHeapHistory</c> event); 0 before the first.</param>
/// <param name="CollectionsByHeaps">For each number of heaps, how many of those collections used that many.</param>
/// <param name="PromotedToGen2Bytes">Bytes those collections moved from generation 1 into generation 2 (<c>GCHeapStats</c>' <c>TotalPromotedSize1</c>, summed): what survived long enough to burden a full collection.</param>
/// <param name="PauseMs">Milliseconds the process has been paused for collections since it started (<c>GC.GetTotalPauseDuration()</c>).</param>
/// <param name="Gen0Collections">Generation-0 collections since the process started (<c>GC.CollectionCount(0)</c>).</param>
/// <param name="Gen2Collections">Generation-2 (full) collections since the process started (<c>GC.CollectionCount(2)</c>).</param>
/// <param name="AllocatedBytes">Bytes allocated since the process started (<c>GC.GetTotalAllocatedBytes()</c>).</param>
public sealed record GcSnapshot(
    bool ServerGc, bool ConcurrentGc, bool DynamicAdaptation, int MaxHeaps, long Collections, int HeapsAtLastCollection,
    IReadOnlyDictionary<int, long> CollectionsByHeaps, long PromotedToGen2Bytes, double PauseMs, int Gen0Collections,
    int Gen2Collections, long AllocatedBytes);
