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
        var four = await BackendLab.Load.RunAsync(lab.Url + "/cpu?ms=5", options with { Concurrency = 4 });

        Assert.Equal(0, one.Errors + four.Errors);
        // One core does at most 200 requests of 5 ms CPU a second, however many users wait: four users cannot get
        // much more than one did (an unpinned server on 2+ free cores would get close to 2x or more).
        Assert.True(four.RequestsPerSecond < 1.5 * one.RequestsPerSecond,
            $"4 users: {four.RequestsPerSecond:0} req/s, 1 user: {one.RequestsPerSecond:0} req/s on a 1-core budget");
        Assert.InRange(four.RequestsPerSecond, 1, 1.25 * 1000 / 5.0);
    }
}
