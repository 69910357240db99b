namespace BackendLab.Lessons.L06bFastApi;

/// <summary>
/// One load run against one server: what the load generator saw, and the CPU time the server's processes used
/// during the run (read from the operating system before and after).
/// </summary>
/// <param name="Users">Closed-loop users (requests in flight).</param>
/// <param name="Requests">Requests counted (answered or failed).</param>
/// <param name="Errors">Failed requests.</param>
/// <param name="RequestsPerSecond">Throughput: answers ÷ <paramref name="Elapsed"/>.</param>
/// <param name="P50">Median latency.</param>
/// <param name="P99">99th percentile latency.</param>
/// <param name="Elapsed">How long the run took, tail included.</param>
/// <param name="ServerCpu">CPU time all the server's processes used during the run.</param>
public sealed record BridgePoint(int Users, long Requests, long Errors, double RequestsPerSecond, TimeSpan P50, TimeSpan P99, TimeSpan Elapsed, TimeSpan ServerCpu)
{
    /// <summary>The server's CPU time per request.</summary>
    public TimeSpan CpuPerRequest => Requests == 0 ? TimeSpan.Zero : ServerCpu / Requests;
    /// <summary>Cores the server kept busy on average: CPU time ÷ elapsed time.</summary>
    public double CoresUsed => Elapsed <= TimeSpan.Zero ? 0 : ServerCpu / Elapsed;
}

/// <summary>One server's runs at each number of users.</summary>
/// <param name="Server">The server's label.</param>
/// <param name="Kind">Which server.</param>
/// <param name="Workers">Processes that served requests.</param>
/// <param name="Points">One run per number of users, fewest first.</param>
public sealed record ServerSweep(string Server, BridgeServerKind Kind, int Workers, IReadOnlyList<BridgePoint> Points)
{
    /// <summary>The run with the most users.</summary>
    public BridgePoint Top => Points.MaxBy(p => p.Users)!;
    /// <summary>The run with exactly <paramref name="users"/> users, else the one with the most users below that.</summary>
    public BridgePoint At(int users) => Points.Where(p => p.Users <= users).MaxBy(p => p.Users) ?? Points.MinBy(p => p.Users)!;
}

/// <summary>Memory of one server: resident memory (RSS) per process.</summary>
/// <param name="Server">The server's label.</param>
/// <param name="Kind">Which server.</param>
/// <param name="Workers">Processes that serve requests.</param>
/// <param name="BytesPerProcess">RSS of each process in bytes (uvicorn: master first).</param>
public sealed record ServerMemory(string Server, BridgeServerKind Kind, int Workers, IReadOnlyList<long> BytesPerProcess)
{
    /// <summary>All processes together.</summary>
    public long TotalBytes => BytesPerProcess.Sum();
    /// <summary>Processes the server runs.</summary>
    public int Processes => BytesPerProcess.Count;
}
