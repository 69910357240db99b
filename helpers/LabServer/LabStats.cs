using System.Diagnostics;

namespace LabServer;

/// <summary>A snapshot of the server process, served at /stats.</summary>
public sealed record LabStats(
    int ProcessId, int ProcessorCount, int ThreadPoolThreads, long PendingWorkItems, long CompletedWorkItems,
    int MinWorkerThreads, int MaxWorkerThreads, double CpuTimeMs, int Gen0Collections, int Gen1Collections,
    int Gen2Collections, bool ServerGc, long AllocatedBytes)
{
    /// <summary>Reads the current values.</summary>
    public static LabStats Now()
    {
        ThreadPool.GetMinThreads(out var min, out _);
        ThreadPool.GetMaxThreads(out var max, out _);
        return new(Environment.ProcessId, Environment.ProcessorCount, ThreadPool.ThreadCount,
            ThreadPool.PendingWorkItemCount, ThreadPool.CompletedWorkItemCount, min, max,
            Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            System.Runtime.GCSettings.IsServerGC, GC.GetTotalAllocatedBytes());
    }
}
