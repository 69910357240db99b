namespace BackendLab.Lessons.L06bFastApi;

/// <summary>Charts that put several of lesson 6b's sweeps together.</summary>
public static class BridgeCharts
{
    /// <summary>CPU time per request of every server, one group of bars per endpoint, in each sweep's run with the most users.</summary>
    /// <param name="sweeps">The sweeps, e.g. the JSON response.</param>
    public static Chart CpuPerRequest(params BridgeSweep[] sweeps)
    {
        var chart = Chart.Bar("Server CPU time per request, with the most users (all of a server's processes)");
        var servers = sweeps.SelectMany(s => s.Servers.Select(x => x.Server)).Distinct().ToList();
        foreach (var sweep in sweeps)
            chart.Add(sweep.Path, servers, servers.Select(name =>
                sweep.Servers.FirstOrDefault(s => s.Server == name)?.Top.CpuPerRequest.TotalMilliseconds ?? double.NaN));
        return chart.YAxis("CPU per request (ms)");
    }
}
