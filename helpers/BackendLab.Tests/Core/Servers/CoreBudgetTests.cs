using System.Diagnostics;

namespace BackendLab.Tests.Core;

[Collection("servers")]
public class CoreBudgetTests
{
    static IReadOnlyList<int> Cores(int n) => Enumerable.Range(0, n).ToList();

    [Theory]
    [InlineData(4, 1, 1, false)]    // one core: the servers share it with the load generator
    [InlineData(4, 2, 1, true)]     // two cores: one for the servers, one left for the load generator
    [InlineData(4, 4, 3, true)]
    [InlineData(4, 16, 4, true)]    // plenty: what was asked
    [InlineData(1, 16, 1, true)]
    public void TakesTheSmallerOfRequestedAndUsableLeavingOneForTheLoadGenerator(int requested, int usable, int expected, bool leftOne)
    {
        var budget = CoreBudget.From(requested, Cores(usable));
        Assert.Equal(expected, budget.Count);
        Assert.Equal(leftOne, budget.LeavesOneForLoadGenerator);
        Assert.Equal(Cores(expected), budget.Cores);
        Assert.Contains($"of the {usable} this notebook may use", budget.ToString());
    }

    [Fact]
    public void WithoutTheReserveTakesEveryUsableCoreAndSaysTheGeneratorShares()
    {
        var budget = CoreBudget.From(4, [2, 3], leaveOneForLoadGenerator: false);
        Assert.Equal([2, 3], budget.Cores);
        Assert.Contains("shares", budget.ToString());
    }

    [Fact]
    public void ThisProcessBudgetNeverExceedsTheCoresItMayUse()
    {
        var budget = CoreBudget.ForServers(64);
        Assert.InRange(budget.Count, 1, Environment.ProcessorCount);
        Assert.All(budget.Cores, c => Assert.Contains(c, budget.UsableCores));
    }

    [Fact]
    public void ApplyToGivesADotnetChildTheBudgetsCoreCount()
    {
        var start = new ProcessStartInfo("dotnet");
        CoreBudget.From(3, Cores(8)).ApplyTo(start);
        Assert.Equal("3", start.Environment["DOTNET_PROCESSOR_COUNT"]);
    }

    [Fact]
    public async Task PinsEveryThreadOfARunningDotnetServerAndReadsBackWhatItGot()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows()) return; // no CPU affinity to set (macOS)
        // A budget of one core: the lab server's thread pool threads already exist when it is pinned
        var budget = CoreBudget.From(1, CoreBudget.ForServers(64, leaveOneForLoadGenerator: false).UsableCores);
        var lab = await LabProcess.StartAsync("core-budget-test");
        try
        {
            Assert.Equal(1, budget.Pin(lab.ProcessId));
            Assert.Equal(1, CoreBudget.CoresOf(lab.ProcessId));
            // Threads created after pinning inherit it: load the server (new pool threads), then read again
            await BackendLab.Load.RunAsync(lab.Url + "/cpu?ms=2", new LoadOptions { Concurrency = 8, Duration = TimeSpan.FromSeconds(0.3), Warmup = TimeSpan.Zero });
            Assert.Equal(1, CoreBudget.CoresOf(lab.ProcessId));
            var stats = await lab.GetStatsAsync();
            Assert.InRange(stats.CpuTimeMs, 1, double.MaxValue);
        }
        finally { await lab.DisposeAsync(); }
    }

    [Fact]
    public void ParsesTheKernelsCoreLists()
    {
        Assert.Equal([0, 1, 2, 3, 8, 10, 11], ThreadAffinity.ParseList("0-3,8,10-11\n"));
        Assert.Equal([5], ThreadAffinity.ParseList("5"));
    }
}
