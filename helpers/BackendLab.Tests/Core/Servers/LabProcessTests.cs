using System.Diagnostics;

namespace BackendLab.Tests.Core;

[Collection("servers")]
public class LabProcessTests
{
    [Fact]
    public async Task RunsInItsOwnProcessAndIsGoneAfterDispose()
    {
        var lab = await LabProcess.StartAsync("lab-test");
        var stats = await lab.GetStatsAsync();
        Assert.Equal(lab.ProcessId, stats.ProcessId);
        Assert.NotEqual(Environment.ProcessId, stats.ProcessId);

        var r = await BackendLab.Load.RunAsync(lab.Url + "/delay?ms=20", new LoadOptions { Concurrency = 4, Duration = TimeSpan.FromSeconds(0.5), Warmup = TimeSpan.FromSeconds(0.2) });
        Assert.Equal(0, r.Errors);
        Assert.InRange(r.P50.TotalMilliseconds, 19, 100); // a 20 ms timer, observed up to a tick early; generous on a busy machine

        var pid = lab.ProcessId;
        await lab.DisposeAsync();
        Assert.False(ProcessExists(pid));
    }

    [Fact]
    public async Task StartingAgainUnderTheSameNameReplacesTheOldProcess()
    {
        var first = await LabProcess.StartAsync("lab-replace", new LabProcessOptions { MinThreads = 7 });
        Assert.Equal(7, (await first.GetStatsAsync()).MinWorkerThreads);
        var second = await LabProcess.StartAsync("lab-replace");
        try
        {
            Assert.False(ProcessExists(first.ProcessId));
            Assert.True(first.HasExited);
            Assert.False(second.HasExited);
        }
        finally { await second.DisposeAsync(); }
    }

    [Fact]
    public async Task CpuEndpointBurnsTheRequestedCpuTimeEvenWhenThreadsOutnumberTheCores()
    {
        // 8 pool threads computing at once on this machine's cores are time-sliced: /cpu must count CPU time, not wall-clock
        // time, so the server's CPU time covers at least 20 ms per answered request (a wall-clock spin would do far less).
        var lab = await LabProcess.StartAsync("lab-cpu", new LabProcessOptions { MinThreads = 8 });
        try
        {
            var before = await lab.GetStatsAsync();
            var r = await BackendLab.Load.RunAsync(lab.Url + "/cpu?ms=20", new LoadOptions { Concurrency = 8, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.2) });
            var after = await lab.GetStatsAsync();

            Assert.Equal(0, r.Errors);
            var cpuMs = after.CpuTimeMs - before.CpuTimeMs;
            Assert.True(cpuMs >= 0.95 * 20 * r.Ok, $"server used {cpuMs:N0} ms of CPU for {r.Ok} requests of 20 ms; {r}");
        }
        finally { await lab.DisposeAsync(); }
    }

    static bool ProcessExists(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }
}
