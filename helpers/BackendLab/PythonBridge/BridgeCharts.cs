namespace BackendLab;

/// <summary>Charts that put several of lesson 6b's sweeps together.</summary>
public static class BridgeCharts
{
    /// <summary>CPU time per request of every server, one group of bars per endpoint, at <paramref name="users"/> users.</summary>
    /// <param name="users">The run to read in each sweep (the one with this many users, or the most below it).</param>
    /// <param name="sweeps">The sweeps, e.g. the async wait and the JSON response.</param>
    public static Chart CpuPerRequest(int users, params BridgeSweep[] sweeps)
    {
        var chart = Chart.Bar($"Server CPU time per request at {users} users (all of a server's processes)");
        var servers = sweeps.SelectMany(s => s.Servers.Select(x => x.Server)).Distinct().ToList();
        foreach (var sweep in sweeps)
            chart.Add(sweep.Path, servers, servers.Select(name =>
                sweep.Servers.FirstOrDefault(s => s.Server == name)?.At(users).CpuPerRequest.TotalMilliseconds ?? double.NaN));
        return chart.YAxis("CPU per request (ms)");
    }
}
