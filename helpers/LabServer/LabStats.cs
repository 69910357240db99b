using System.Diagnostics;
using BackendLab;

namespace LabServer;

/// <summary>Reads the server process's <see cref="LabServerStats"/>, served at /stats.</summary>
public static class LabStats
{
    /// <summary>Reads the current values.</summary>
    public static LabServerStats Now()
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
