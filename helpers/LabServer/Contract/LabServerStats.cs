namespace BackendLab;

/// <summary>
/// What the lab server process reports at <c>/stats</c> (see <c>LabProcess.GetStatsAsync()</c>). Compiled into
/// BackendLab and the lab server alike (helpers/LabServer/Contract).
/// </summary>
/// <param name="ProcessId">The server's process id (not the notebook's).</param>
/// <param name="ProcessorCount">Cores the server sees.</param>
/// <param name="ThreadPoolThreads">Threads in the server's thread pool right now.</param>
/// <param name="PendingWorkItems">Work items queued in the thread pool, waiting for a thread: growing means starvation.</param>
/// <param name="CompletedWorkItems">Work items the thread pool has run since the server started.</param>
/// <param name="MinWorkerThreads">The pool's minimum worker threads: below this, new threads start at once; above it, slowly.</param>
/// <param name="MaxWorkerThreads">The pool's maximum worker threads.</param>
/// <param name="CpuTimeMs">CPU time the server process has used, in milliseconds.</param>
/// <param name="Gen0Collections">Generation-0 garbage collections so far.</param>
/// <param name="Gen1Collections">Generation-1 garbage collections so far.</param>
/// <param name="Gen2Collections">Generation-2 (full) garbage collections so far.</param>
/// <param name="ServerGc">True when the server runs the server garbage collector.</param>
/// <param name="AllocatedBytes">Bytes allocated since the server started.</param>
public sealed record LabServerStats(
    int ProcessId, int ProcessorCount, int ThreadPoolThreads, long PendingWorkItems, long CompletedWorkItems,
    int MinWorkerThreads, int MaxWorkerThreads, double CpuTimeMs, int Gen0Collections, int Gen1Collections,
    int Gen2Collections, bool ServerGc, long AllocatedBytes);
