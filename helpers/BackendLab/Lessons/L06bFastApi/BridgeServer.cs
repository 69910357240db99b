using System.Diagnostics;

namespace BackendLab.Lessons.L06bFastApi;

/// <summary>Which of lesson 6b's servers a measurement comes from.</summary>
public enum BridgeServerKind
{
    /// <summary>FastAPI on uvicorn, one process, one event loop.</summary>
    FastApiOneWorker,
    /// <summary>FastAPI on uvicorn with several worker processes (plus their master).</summary>
    FastApiWorkers,
    /// <summary>ASP.NET Core minimal APIs on Kestrel: the lab server, one process.</summary>
    Kestrel,
}

/// <summary>
/// One of lesson 6b's servers, whatever it runs on: its name, address, processes, the cores it really got, and the CPU
/// time and memory of all its processes, read from outside by the operating system (the server reports nothing itself).
/// </summary>
public sealed class BridgeServer : IAsyncDisposable
{
    readonly IServerHandle _process;
    readonly Func<IReadOnlyList<int>> _processIds;

    internal BridgeServer(string name, BridgeServerKind kind, int workers, string url, IServerHandle process, Func<IReadOnlyList<int>> processIds, int? cores)
    {
        (Name, Kind, Workers, Url, _process, _processIds, Cores) = (name, kind, workers, url, process, processIds, cores);
    }

    /// <summary>A short label: <c>FastAPI, 1 worker</c>, <c>FastAPI, 2 workers</c> or <c>Kestrel</c>.</summary>
    public string Name { get; }
    /// <summary>Which server this is.</summary>
    public BridgeServerKind Kind { get; }
    /// <summary>Processes that serve requests (uvicorn workers; 1 for Kestrel).</summary>
    public int Workers { get; }
    /// <summary>The address without a trailing slash.</summary>
    public string Url { get; }
    /// <summary>The underlying server handle (<see cref="FastApiServer"/> or <see cref="LabProcess"/>).</summary>
    public IServerHandle Handle => _process;
    /// <summary>Every process of the server (for uvicorn with workers: the master and each worker).</summary>
    public IReadOnlyList<int> ProcessIds => _processIds();
    /// <summary>The cores the server's processes may run on, read back after pinning (the fewest over its processes); null where the system does not say.</summary>
    public int? Cores { get; }

    /// <summary>CPU time used so far by all the server's processes (user + system), summed.</summary>
    public TimeSpan CpuTime() => ProcessIds.Aggregate(TimeSpan.Zero, (sum, pid) => sum + Read(pid, p => p.TotalProcessorTime, TimeSpan.Zero));

    /// <summary>Resident memory (RSS) of each process now, in bytes. Pages shared between processes are counted in each.</summary>
    public IReadOnlyList<long> MemoryBytes() => ProcessIds.Select(pid => Read(pid, p => p.WorkingSet64, 0L)).ToList();

    static T Read<T>(int pid, Func<Process, T> read, T gone)
    {
        try { using var p = Process.GetProcessById(pid); return read(p); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return gone; }
    }

    /// <summary>Stops the server's processes (and forgets it in <see cref="Servers"/>).</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <inheritdoc/>
    public override string ToString() => $"{Name} at {Url} (processes {string.Join(", ", ProcessIds)})";
}
