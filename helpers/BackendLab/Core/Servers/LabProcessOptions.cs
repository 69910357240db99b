namespace BackendLab;

/// <summary>
/// Settings for <see cref="LabProcess.StartAsync"/>. <c>new LabProcessOptions()</c> starts the lab server with the
/// runtime's defaults; change one setting with e.g. <c>new LabProcessOptions { MinThreads = 2 }</c>.
/// </summary>
public sealed record LabProcessOptions
{
    /// <summary>The thread pool's minimum worker threads in the server process (small values show thread-pool starvation). Default: null, the runtime's default (one per core).</summary>
    public int? MinThreads { get; init; }

    /// <summary>The thread pool's maximum worker threads in the server process. Default: null, the runtime's default.</summary>
    public int? MaxThreads { get; init; }

    /// <summary>Run the server with the server garbage collector (one heap per core) instead of the workstation one. Default: false.</summary>
    public bool ServerGc { get; init; }

    /// <summary>
    /// The cores the server may use, e.g. <c>CoreBudget.ForServers(2)</c>: the process is pinned to them (CPU affinity on
    /// Linux and Windows) and its runtime sizes itself to them (<c>DOTNET_PROCESSOR_COUNT</c>); <see cref="LabProcess.Cores"/>
    /// then says how many it really got. Default: null, every core this notebook may use.
    /// </summary>
    public CoreBudget? Budget { get; init; }

    /// <summary>How long to wait for the server to report its address before giving up. Default: 30 seconds.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
