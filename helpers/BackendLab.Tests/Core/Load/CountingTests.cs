namespace BackendLab.Tests.Core;

/// <summary>
/// Every request a closed loop sends in the measured phase is counted exactly once (ok or error), warm-up requests still in
/// flight when measuring starts are counted too, and throughput is measured over the window, so Little's law holds on short runs.
/// </summary>
[Collection("servers")]
public class CountingTests
{
    [Fact]
    public async Task RequestsThatOutliveTheRunAreWaitedForAndCountedAsTimeouts()
    {
        var server = await LoadTestServer.StartAsync();
        // 8 users each send one request at once; it hangs past the end of the 0.5 s phase and times out at 1 s.
        var options = new LoadOptions { Concurrency = 8, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(0.5), Timeout = TimeSpan.FromSeconds(1) };
        var r = await BackendLab.Load.RunAsync(server.Url + "/hang", options);

        Assert.Equal(8, r.Count);
        Assert.Equal(r.Count, r.Ok + r.Errors);
        Assert.Equal(8, r.ErrorsByKind.GetValueOrDefault("timeout"));
        Assert.Equal(0, r.RequestsPerSecond); // nothing was answered inside the window
        Assert.True(r.Elapsed >= TimeSpan.FromSeconds(0.9), r.ToString()); // the run waited for them
    }

    [Fact]
    public async Task WarmupRequestsStillInFlightWhenMeasuringStartsAreCounted()
    {
        var server = await LoadTestServer.StartAsync();
        // Every request is sent in the 0.2 s warm-up and still in flight when the 0.5 s measured phase ends:
        // the run must still report all 8, as timeouts (it once reported "0 errors of 0").
        var hanging = new LoadOptions { Concurrency = 8, Warmup = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(0.5), Timeout = TimeSpan.FromSeconds(1) };
        var r = await BackendLab.Load.RunAsync(server.Url + "/hang", hanging);
        Assert.Equal(8, r.Count);
        Assert.Equal(8, r.ErrorsByKind.GetValueOrDefault("timeout"));

        // 400 ms requests, warm-up 0.2 s, phase 0.5 s: each user's first request (sent in the warm-up, answered at 0.4 s)
        // and its second (sent at 0.4 s, answered at 0.8 s, after the phase) are both counted, once each.
        var s = await BackendLab.Load.RunAsync(server.Url + "/delay?ms=400", hanging);
        Assert.Equal(16, s.Count);
        Assert.Equal(16, s.Ok);
        Assert.Equal(s.Count, s.Latencies.TotalCount);
        Assert.Equal(s.Count, s.Timeline.Sum(t => t.Count));
    }

    [Fact]
    public async Task LittlesLawHoldsOnAOneSecondRunOfA100msEndpoint()
    {
        var server = await LoadTestServer.StartAsync();
        var r = await BackendLab.Load.RunAsync(server.Url + "/delay?ms=100", new LoadOptions
        {
            Concurrency = 16, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3),
        });

        Assert.Equal(0, r.Errors);
        // 16 users always have a request in flight: throughput × mean latency ≈ 16, although the run's tail lasts 100 ms.
        // (looser above than below: see ClosedLoopTests; CI once saw 1.20× here)
        Assert.InRange(r.RequestsPerSecond * r.Mean.TotalSeconds, 16 * 0.85, 16 * LittlesLaw.UpperMargin);
        Assert.InRange(r.Window.TotalSeconds, 0.999, 1.001);
        Assert.True(r.RequestsPerSecond * r.Window.TotalSeconds <= r.Count, r.ToString()); // answers in the tail are counted, not in throughput
    }

    [Fact]
    public async Task ARunStoppedByMaxRequestsMeasuresThroughputOverItsOwnLength()
    {
        var server = await LoadTestServer.StartAsync();
        var r = await BackendLab.Load.RunAsync(server.Url + "/delay?ms=20", new LoadOptions
        {
            Concurrency = 4, Duration = TimeSpan.FromSeconds(5), Warmup = TimeSpan.FromSeconds(0.2), MaxRequests = 100,
        });

        Assert.Equal(100, r.Count);
        Assert.True(r.Window < TimeSpan.FromSeconds(2), r.ToString());
        Assert.InRange(r.RequestsPerSecond * r.Mean.TotalSeconds, 4 * 0.85, 4 * LittlesLaw.UpperMargin);
    }
}
