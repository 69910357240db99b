namespace BackendLab.Tests.Core;

[Collection("servers")]
public class OpenLoopTests
{
    [Fact]
    public async Task AchievesTheTargetRateWithin2Percent()
    {
        var server = await LoadTestServer.StartAsync();
        var r = await BackendLab.Load.RunAsync(server.Url + "/ok", new LoadOptions
        {
            Rate = 500, Duration = TimeSpan.FromSeconds(2), Warmup = TimeSpan.FromSeconds(0.3),
            // Room for a one-second stall of a busy machine (500 requests in flight) before the generator drops any:
            // this test is about the schedule, not about a stall (the default, 256, dropped 2 on a busy CI run).
            Concurrency = 1000,
        });
        Assert.True(r.Errors == 0, string.Join(", ", r.ErrorsByKind));
        Assert.Equal(1000, r.Count); // exactly rate × duration were scheduled
        Assert.InRange(r.RequestsPerSecond, 500 * 0.98, 500 * 1.02);
    }

    [Fact]
    public async Task ShowsAStallThatAClosedLoopHides()
    {
        // 10 ms per request, but the server stalls for the first 300 ms of every second.
        var server = await LoadTestServer.StartAsync();
        var url = server.Url + "/stall?ms=300&base=10";
        var closed = await BackendLab.Load.RunAsync(url, new LoadOptions { Concurrency = 2, Duration = TimeSpan.FromSeconds(2), Warmup = TimeSpan.FromSeconds(0.2) });
        var open = await BackendLab.Load.RunAsync(url, new LoadOptions
        {
            Rate = closed.RequestsPerSecond, Concurrency = 128, Duration = TimeSpan.FromSeconds(2), Warmup = TimeSpan.FromSeconds(0.2),
        });

        // Closed loop: each user waits out a stall once, so only ~2 requests per second look slow.
        // Open loop: everything scheduled during the stall waits, ~30 % of requests: p90 ≈ 200 ms.
        Assert.True(open.P90 > 5 * closed.P90, $"open: {open}\nclosed: {closed}");
        Assert.True(open.P90 > TimeSpan.FromMilliseconds(100), open.ToString());
    }

    [Fact]
    public async Task DropsAndCountsRequestsBeyondTheInFlightCap()
    {
        var server = await LoadTestServer.StartAsync();
        var r = await BackendLab.Load.RunAsync(server.Url + "/delay?ms=200", new LoadOptions
        {
            Rate = 200, Concurrency = 4, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.Zero,
        });
        Assert.True(r.Dropped > 0, r.ToString());
        Assert.True(r.Late > 0, r.ToString());
        Assert.Equal(r.Count, r.Ok + r.Errors);
    }
}
