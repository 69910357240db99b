namespace BackendLab.Tests.Core;

/// <summary>The closed loop's behaviour, on every engine this machine has (both on Linux): they must not differ.</summary>
[Collection("servers")]
public class ClosedLoopTests
{
    static LoadOptions Short(int users, LoadEngineKind engine) =>
        new() { Concurrency = users, Duration = TimeSpan.FromSeconds(1.5), Warmup = TimeSpan.FromSeconds(0.3), Engine = engine };

    /// <summary>Sockets everywhere, and Epoll where it is supported.</summary>
    public static TheoryData<LoadEngineKind> Engines => LoadEngines.OnThisMachine;

    [Theory, MemberData(nameof(Engines))]
    public async Task MeasuresAFixed20msDelayAsAbout20msAndObeysLittlesLaw(LoadEngineKind engine)
    {
        var server = await LoadTestServer.StartAsync();
        var r = await BackendLab.Load.RunAsync(server.Url + "/delay?ms=20", Short(8, engine));

        // A 20 ms timer can be observed up to a tick early; a busy machine adds queueing, so the cap is generous.
        Assert.InRange(r.P50.TotalMilliseconds, 19, 100);
        Assert.Equal(0, r.Errors);
        // Little's law: requests in flight = throughput × mean latency, and a closed loop keeps 8 in flight. Looser above than
        // below: a stall of this process near the end of the window (a GC, a busy machine) lengthens the tail's latencies, which
        // count in the mean but not in the window's rate (CI once saw 1.42×); a request counted twice would still give 2×.
        Assert.InRange(r.RequestsPerSecond * r.Mean.TotalSeconds, 8 * 0.85, 8 * LittlesLaw.UpperMargin);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task PercentilesAreOrderedAndCountsAddUp(LoadEngineKind engine)
    {
        var server = await LoadTestServer.StartAsync();
        var r = await BackendLab.Load.RunAsync(server.Url + "/flaky", Short(4, engine));

        Assert.True(r.Ok > 0 && r.Errors > 0, r.ToString());
        Assert.Equal(r.Count, r.Ok + r.Errors);
        Assert.Equal(r.Errors, r.ErrorsByKind.Values.Sum());
        Assert.True(r.ErrorsByKind["HTTP 500"] > 0);
        Assert.Equal(r.Count, r.Timeline.Sum(s => s.Count));
        Assert.Equal(r.Errors, r.Timeline.Sum(s => s.Errors));
        Assert.Equal(r.Count, r.Latencies.TotalCount); // every request was answered
        Assert.True(r.P50 <= r.P90 && r.P90 <= r.P99 && r.P99 <= r.P999 && r.P999 <= r.Max, r.ToString());
        Assert.True(TimeSpan.Zero < r.P50 && r.Mean <= r.Max);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task StopsAfterTheDurationAndAfterMaxRequests(LoadEngineKind engine)
    {
        var server = await LoadTestServer.StartAsync();
        var (timed, took) = await LoadTestServer.TimeAsync(() => BackendLab.Load.RunAsync(server.Url + "/ok", Short(4, engine) with { Duration = TimeSpan.FromSeconds(1) }));
        Assert.InRange(timed.Elapsed.TotalSeconds, 1.0, 1.5);
        Assert.True(took < TimeSpan.FromSeconds(3), $"took {took}");

        var capped = await BackendLab.Load.RunAsync(server.Url + "/ok", Short(4, engine) with { MaxRequests = 100 });
        Assert.Equal(100, capped.Count);
        Assert.True(capped.Elapsed < TimeSpan.FromSeconds(1.5));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task AHangingEndpointGivesTimeoutsAndTheRunEndsOnTime(LoadEngineKind engine)
    {
        var server = await LoadTestServer.StartAsync();
        var options = Short(4, engine) with { Duration = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMilliseconds(300) };
        var (r, took) = await LoadTestServer.TimeAsync(() => BackendLab.Load.RunAsync(server.Url + "/hang", options));

        Assert.True(r.ErrorsByKind.GetValueOrDefault("timeout") >= 4, r.ToString());
        Assert.Equal(0, r.Ok);
        Assert.Equal(r.Errors, r.ErrorsByKind["timeout"]);
        Assert.True(took < TimeSpan.FromSeconds(3), $"took {took}"); // warm-up 0.3 + 1 s + one timeout, plus slack
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ReadsChunkedBodiesAndReconnectsAfterConnectionClose(LoadEngineKind engine)
    {
        var server = await LoadTestServer.StartAsync();
        var chunked = await BackendLab.Load.RunAsync(server.Url + "/chunked", Short(2, engine) with { MaxRequests = 300 });
        Assert.Equal(300, chunked.Ok);
        var close = await BackendLab.Load.RunAsync(server.Url + "/close", Short(2, engine) with { MaxRequests = 300 });
        Assert.Equal(300, close.Ok);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ARefusedConnectionIsAnErrorNotAHang(LoadEngineKind engine)
    {
        var server = await LoadTestServer.StartAsync();
        var url = server.Url + "/ok";
        await server.StopAsync();
        var r = await BackendLab.Load.RunAsync(url, Short(2, engine) with { Duration = TimeSpan.FromSeconds(0.5) });
        Assert.Equal(0, r.Ok);
        Assert.True(r.ErrorsByKind.GetValueOrDefault("connection refused") > 0, r.ToString());
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://example.com/")]
    public async Task RefusesAddressesOffThisMachine(string url)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => BackendLab.Load.RunAsync(url, duration: TimeSpan.FromSeconds(1)));
        Assert.Contains("only sends requests to this machine", error.Message);
    }

    [Fact]
    public void ValidatesOptionsWithClearMessages()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LoadOptions { Duration = TimeSpan.FromHours(1) }.Validate("http://127.0.0.1:1/"));
        Assert.Contains("at most 10 minutes", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadOptions { Concurrency = 0 }.Validate("http://127.0.0.1:1/"));
        Assert.Throws<ArgumentException>(() => new LoadOptions().Validate("https://127.0.0.1:1/"));
    }

    [Fact]
    public void DefaultsAreDocumentedValues()
    {
        var o = new LoadOptions();
        Assert.Equal(TimeSpan.FromSeconds(5), o.Duration);
        Assert.Equal(TimeSpan.FromSeconds(0.5), o.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Timeout);
        Assert.Equal(10_000_000, o.MaxRequests);
        Assert.Equal(8, o.EffectiveConcurrency);
        Assert.Equal(256, (o with { Rate = 100 }).EffectiveConcurrency);
        Assert.Equal(OperatingSystem.IsLinux() ? LoadEngineKind.Epoll : LoadEngineKind.Sockets, o.Engine);
        Assert.Equal(LoadOptions.BestEngine, o.Engine);
    }
}
