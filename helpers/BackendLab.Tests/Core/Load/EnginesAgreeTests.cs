using Xunit.Abstractions;

namespace BackendLab.Tests.Core;

/// <summary>
/// The two closed-loop engines (<see cref="LoadEngineKind"/>) measure the same server alike. The rest of their behaviour
/// (timeouts, refused connections, chunked bodies, Connection: close, counting) is run on both by <see cref="ClosedLoopTests"/>.
/// </summary>
[Collection("servers")]
public class EnginesAgreeTests(ITestOutputHelper output)
{
    [EpollFact]
    public async Task BothEnginesMeasureTheSameServerWithin10Percent()
    {
        var server = await LoadTestServer.StartAsync();
        // A 20 ms Task.Delay sets the numbers, not the CPU; rounds alternate which engine goes first (ABBA), and the
        // medians of the rounds are compared, so a busy moment on the machine cannot favour one engine.
        var options = new LoadOptions { Concurrency = 8, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.2) };
        var runs = new Dictionary<LoadEngineKind, List<LoadResult>> { [LoadEngineKind.Sockets] = [], [LoadEngineKind.Epoll] = [] };
        for (var round = 0; round < 5; round++)
        {
            LoadEngineKind[] order = round % 2 == 0 ? [LoadEngineKind.Sockets, LoadEngineKind.Epoll] : [LoadEngineKind.Epoll, LoadEngineKind.Sockets];
            foreach (var engine in order)
                runs[engine].Add(await BackendLab.Load.RunAsync(server.Url + "/delay?ms=20", options with { Engine = engine }));
        }

        foreach (var r in runs.Values.SelectMany(x => x)) Assert.Equal(0, r.Errors);
        var (socketsRps, epollRps) = (Median(runs[LoadEngineKind.Sockets], r => r.RequestsPerSecond), Median(runs[LoadEngineKind.Epoll], r => r.RequestsPerSecond));
        var (socketsP50, epollP50) = (Median(runs[LoadEngineKind.Sockets], r => r.P50.TotalMilliseconds), Median(runs[LoadEngineKind.Epoll], r => r.P50.TotalMilliseconds));
        var said = $"throughput sockets {socketsRps:F0} vs epoll {epollRps:F0} req/s; p50 sockets {socketsP50:F2} vs epoll {epollP50:F2} ms";
        output.WriteLine(said);
        Assert.True(Within10Percent(socketsRps, epollRps), said);
        Assert.True(Within10Percent(socketsP50, epollP50), said);
        Assert.InRange(epollP50, 19.5, 40); // and both measured the server's delay, not something else
    }

    /// <summary>Every engine, with a server closing at once (end of stream) and one closing 10 ms later (reset).</summary>
    public static TheoryData<LoadEngineKind, int> EnginesAndCloses
    {
        get
        {
            var data = new TheoryData<LoadEngineKind, int>();
            foreach (LoadEngineKind engine in LoadEngines.OnThisMachine) { data.Add(engine, 0); data.Add(engine, 10); }
            return data;
        }
    }

    [Theory, MemberData(nameof(EnginesAndCloses))]
    public async Task AKeptAliveConnectionTheServerClosedIsRetriedOnAFreshOne(LoadEngineKind engine, int closeAfterMs)
    {
        using var server = LoadEngines.StartClosingServer(closeAfterMs);
        var r = await BackendLab.Load.RunAsync(server.Url, new LoadOptions
        {
            Concurrency = 2, Duration = TimeSpan.FromSeconds(3), Warmup = TimeSpan.Zero, MaxRequests = 100, Engine = engine,
        });
        Assert.True(r.Ok == 100, r.ToString());
        Assert.Equal(0, r.Errors);
    }

    [Fact]
    public void EpollIsRefusedWithAClearMessageWhereItDoesNotExist()
    {
        var options = new LoadOptions { Engine = LoadEngineKind.Epoll };
        if (LoadOptions.BestEngine == LoadEngineKind.Epoll) { options.Validate("http://127.0.0.1:1/"); return; }
        var e = Assert.Throws<ArgumentException>(() => options.Validate("http://127.0.0.1:1/"));
        Assert.Contains("needs Linux", e.Message);
    }

    static double Median(List<LoadResult> runs, Func<LoadResult, double> value)
    {
        var sorted = runs.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    static bool Within10Percent(double a, double b) => Math.Abs(a - b) <= 0.10 * Math.Max(a, b);
}
