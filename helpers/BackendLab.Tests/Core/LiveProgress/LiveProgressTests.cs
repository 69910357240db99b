using System.Globalization;

namespace BackendLab.Tests.Core;

/// <summary>Outside a kernel (these tests): no bar is shown; reports go to the IProgress given, and nowhere else.</summary>
[Collection("servers")]
public class LiveProgressTests
{
    /// <summary>Keeps every report, as it is made (Progress&lt;T&gt; would post them later).</summary>
    sealed class Recorder : IProgress<LiveProgressReport>
    {
        readonly List<LiveProgressReport> _reports = [];
        public void Report(LiveProgressReport value) { lock (_reports) _reports.Add(value); }
        public List<LiveProgressReport> All { get { lock (_reports) return [.. _reports]; } }
    }

    [Fact]
    public void OutsideAKernelNothingIsShown()
    {
        Assert.False(LiveProgress.InKernel);
        using var live = LiveProgress.Start("work");
        live.Report(0.5, "half");
        Assert.False(live.IsShown);
        Assert.Equal(0, live.Updates);
        Assert.Equal("work: 50 % · half", live.ToString());
    }

    [Fact]
    public async Task ALoadRunReportsWhileItRunsThenItsSummary()
    {
        var server = await LoadTestServer.StartAsync();
        var reports = new Recorder();
        var result = await BackendLab.Load.RunAsync(server.Url + "/delay?ms=2", new LoadOptions
        {
            Concurrency = 2, Duration = TimeSpan.FromSeconds(2), Warmup = TimeSpan.FromSeconds(0.2), Progress = reports,
        });

        var all = reports.All;
        var running = all.Where(r => !r.IsComplete).ToList();
        Assert.True(running.Count >= 4, $"only {running.Count} reports while running 2.2 s");
        Assert.Equal(running.Select(r => r.Fraction).Order(), running.Select(r => r.Fraction));
        Assert.Contains(running, r => r.Status.Contains("requests measured") && r.Fraction is > 0.2 and < 1);
        var last = Assert.Single(all, r => r.IsComplete);
        Assert.Same(last, all[^1]);
        Assert.StartsWith($"{result.Count.ToString("#,0", CultureInfo.InvariantCulture)} requests in ", last.Status);
        Assert.Equal("Load run: 2 users, 2 s on /delay?ms=2", last.Title);
    }

    [Fact]
    public async Task ASweepFillsOnePartOfItsBarPerRun()
    {
        var server = await LoadTestServer.StartAsync();
        var reports = new Recorder();
        var sweep = await BackendLab.Load.SweepAsync(server.Url + "/delay?ms=2", concurrencies: [1, 4], duration: TimeSpan.FromSeconds(1),
            options: new LoadOptions { Warmup = TimeSpan.FromSeconds(0.2), Progress = reports });

        var all = reports.All;
        Assert.All(all, r => Assert.Equal("Sweep: 2 runs on /delay?ms=2, about 2 s", r.Title));
        Assert.Contains(all, r => r.Status.StartsWith("run 1 of 2 (1 user): ") && r.Fraction <= 0.5);
        Assert.Contains(all, r => r.Status.StartsWith("run 2 of 2 (4 users): ") && r.Fraction >= 0.5);
        Assert.Equal(all.Select(r => r.Fraction).Order(), all.Select(r => r.Fraction));
        var last = all[^1];
        Assert.True(last.IsComplete);
        Assert.Contains($"4 users → {sweep.Points[1].RequestsPerSecond:#,0} req/s", last.Status);
    }

    [Fact]
    public void ABarNeverCompletedEndsStoppedAndOnlyOnce()
    {
        var reports = new Recorder();
        using (var live = LiveProgress.Start("work", reports)) live.Report(0.3, "a third");
        Assert.Equal("stopped: a third", Assert.Single(reports.All, r => r.IsComplete).Status);
    }
}
