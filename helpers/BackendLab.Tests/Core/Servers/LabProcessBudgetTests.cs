namespace BackendLab.Tests.Core;

/// <summary>A core budget really limits the lab server: its process is pinned, its runtime sizes itself to the budget,
/// and CPU-bound work stops scaling at the budget's core count.</summary>
[Collection("servers")]
public class LabProcessBudgetTests
{
    static bool CanPin => OperatingSystem.IsLinux() || OperatingSystem.IsWindows();

    [Fact]
    public async Task AOneCoreBudgetPinsTheServerAndItsRuntimeSeesOneCore()
    {
        var budget = CoreBudget.ForServers(1, leaveOneForLoadGenerator: false);
        await using var lab = await LabProcess.StartAsync("lab-budget-1", new LabProcessOptions { Budget = budget });

        Assert.Equal(1, (await lab.GetStatsAsync()).ProcessorCount); // DOTNET_PROCESSOR_COUNT reached the child's runtime
        if (CanPin) Assert.Equal(1, lab.Cores);                       // the affinity of every thread, read back
        else Assert.Equal(budget.Count, lab.Cores);
    }

    [Fact]
    public async Task WithoutABudgetTheServerMayUseEveryCoreThisProcessMay()
    {
        await using var lab = await LabProcess.StartAsync("lab-budget-none");
        Assert.Equal(Environment.ProcessorCount, (await lab.GetStatsAsync()).ProcessorCount);
        Assert.Equal(CoreBudget.ForServers(64, leaveOneForLoadGenerator: false).Count, lab.Cores);
    }

    [Fact]
    public async Task CpuBoundWorkOnAOneCoreBudgetStopsScalingAtOneUser()
    {
        if (!CanPin) return; // macOS cannot pin a process: nothing to measure there
        var budget = CoreBudget.ForServers(1, leaveOneForLoadGenerator: false);
        await using var lab = await LabProcess.StartAsync("lab-budget-cpu", new LabProcessOptions { Budget = budget });
        var options = new LoadOptions { Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.2), Timeout = TimeSpan.FromSeconds(5) };

        var one = await BackendLab.Load.RunAsync(lab.Url + "/cpu?ms=5", options with { Concurrency = 1 });
        var cpuBefore = (await lab.GetStatsAsync()).CpuTimeMs;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var four = await BackendLab.Load.RunAsync(lab.Url + "/cpu?ms=5", options with { Concurrency = 4 });
        var cpuAfter = (await lab.GetStatsAsync()).CpuTimeMs;
        wall.Stop();

        Assert.Equal(0, one.Errors + four.Errors);
        // Four users keep four requests computing at once; on a one-core budget the server can still use at most one
        // core's time per second of the run (an unpinned server on 2+ free cores would use up to four). A ratio of
        // throughputs would not do: on a busy machine, a single user's server gets a smaller share of a shared core.
        var coresUsed = (cpuAfter - cpuBefore) / wall.Elapsed.TotalMilliseconds;
        Assert.True(coresUsed <= 1.1, $"4 users kept {coresUsed:0.00} cores busy on a 1-core budget ({four.RequestsPerSecond:0} req/s; 1 user: {one.RequestsPerSecond:0})");
        Assert.InRange(four.RequestsPerSecond, 1, 1.25 * 1000 / 5.0);
    }
}
