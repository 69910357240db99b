using System.Net;
using System.Net.Http;

namespace BackendLab.Tests.Lessons.L06Runtime;

/// <summary>Lesson 6's lab endpoints and measurements, against a real lab server process on loopback.</summary>
[Collection("servers")]
public class RuntimeLabTests
{
    static readonly HttpClient Http = new(new LoopbackHandler());

    [Fact]
    public async Task ConcurrencyLimiterAnswers503AtOnceWhenPermitsAndQueueAreFull()
    {
        var lab = await LabProcess.StartAsync("runtime-limiter");
        try
        {
            (await Http.GetAsync(lab.Url + "/limited?permits=1&queue=0&ms=1")).Dispose(); // warm up (JIT) first
            var url = lab.Url + "/limited?permits=1&queue=0&ms=500";
            var first = Http.GetAsync(url);
            await Task.Delay(150);
            var started = DateTime.UtcNow;
            using var second = await Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromMilliseconds(400), "the rejection should not wait for the permit");
            using var firstResponse = await first;
            Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        }
        finally { await lab.DisposeAsync(); }
    }

    [Fact]
    public async Task UnboundedStoreQueueGrowsLatencyWhileTheLimiterKeepsP99Bounded()
    {
        var lab = await LabProcess.StartAsync("runtime-backpressure");
        try
        {
            // Warm both endpoints up (JIT) so a cold first request is not mistaken for queueing.
            foreach (var path in new[] { "/store?ms=20", "/limited?permits=4&queue=4&ms=20" })
                await BackendLab.Load.RunAsync(lab.Url + path, new LoadOptions { Concurrency = 4, Duration = TimeSpan.FromSeconds(0.3), Warmup = TimeSpan.Zero });
            // 300 req/s offered to a store that serves 200 req/s: the unbounded queue grows by ~100 requests a second, so
            // its latency climbs through the run; the limiter keeps at most 8 waiting. On a busy machine both pay for
            // CPU they do not get, so the comparison is of medians with a margin, and of tails without one.
            var options = new LoadOptions { Rate = 300, Duration = TimeSpan.FromSeconds(2), Warmup = TimeSpan.Zero };
            var unbounded = await BackendLab.Load.RunAsync(lab.Url + "/store?ms=20", options);
            var limited = await BackendLab.Load.RunAsync(lab.Url + "/limited?permits=4&queue=4&ms=20", options);
            Assert.True(unbounded.P50 > 3 * limited.P50, $"unbounded p50 {unbounded.P50} vs limited {limited.P50}");
            Assert.True(unbounded.P99 > limited.P99, $"unbounded p99 {unbounded.P99} vs limited {limited.P99}");
            Assert.True(limited.ErrorsByKind.GetValueOrDefault("HTTP 503") > 0);
            Assert.Equal(0, unbounded.ErrorsByKind.GetValueOrDefault("HTTP 503")); // it never says no: requests wait (or time out)
            Assert.True(unbounded.Timeline[^1].P50 > unbounded.Timeline[0].P50, "latency grows while the queue grows");
            // the picture counts where the limited run's requests went: every one is in a box after the limiter
            var picture = RuntimePictures.Limiter(limited, permits: 4, queue: 4, connections: 4);
            Assert.Contains($"store: 4 connections handled {limited.Ok:#,0} requests", picture.AltText);
            Assert.Contains($"503 at once handled {limited.ErrorsByKind["HTTP 503"]:#,0} requests", picture.AltText);
        }
        finally { await lab.DisposeAsync(); }
    }

    [Fact]
    public async Task TimelineOfABlockingEndpointShowsFewThreadsAndQueuedWork()
    {
        var lab = await LabProcess.StartAsync("runtime-starve", new LabProcessOptions { MinThreads = 2 });
        try
        {
            var t = await ServerTimeline.RecordAsync(lab, () => BackendLab.Load.RunAsync(lab.Url + "/block?ms=100", new LoadOptions
                { Concurrency = 64, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.Zero }));
            Assert.NotEmpty(t.Steps);
            Assert.True(t.Samples.Any(s => s.PendingWorkItems > 10), "requests should queue for threads");
            // Little's law with 64 users would allow 640 req/s; starved, it is a fraction of that.
            Assert.True(t.RequestsPerSecondBetween(0, 1) < 320, $"{t}");
            Assert.Contains("thread-pool threads", t.ToChart().ToString());
        }
        finally { await lab.DisposeAsync(); }
    }

    [Fact]
    public async Task FirstRequestToAFreshServerCompilesMethodsAndIsSlowerThanWarmOnes()
    {
        var cold = await ColdStart.MeasureAsync(requests: 10, name: "runtime-cold");
        Assert.Equal(10, cold.Latencies.Count);
        Assert.True(cold.MethodsCompiledByFirstRequest > 50, $"{cold}");
        Assert.True(cold.FirstRequest > 3 * cold.WarmMedian, $"{cold}");
        Assert.True(cold.MethodsCompiledByFirstRequest > cold.MethodsCompiledByLaterRequests);
        Assert.Equal(10, cold.Jit.AfterRequest.Count);
        var journey = cold.Journey().AltText;
        Assert.Contains("request 1: JIT", journey);
        Assert.Contains("warm request", journey);
    }

    [Fact]
    public async Task JsonEndpointAllocatesMorePerRequestThanPlaintext()
    {
        var lab = await LabProcess.StartAsync("runtime-cost");
        try
        {
            var plain = await RequestCost.MeasureAsync(lab, "/plaintext", duration: TimeSpan.FromSeconds(0.5));
            var json = await RequestCost.MeasureAsync(lab, "/json?items=100", duration: TimeSpan.FromSeconds(0.5));
            Assert.True(plain.Requests > 0 && json.Requests > 0);
            Assert.True(json.BytesPerRequest > 10 * Math.Max(plain.BytesPerRequest, 100), $"{plain} / {json}");
            Assert.Contains("bytes/request", RequestCost.Table(plain, json).ToString());
            // the collector's report comes from the server itself: server GC, and DATAS on by default since .NET 9
            var gc = Assert.IsType<GcSnapshot>(json.Gc);
            Assert.True(gc.ServerGc && gc.DynamicAdaptation, $"{gc}");
            Assert.Equal(lab.Cores, gc.MaxHeaps);
            Assert.All(json.CollectionsByHeaps.Keys, heaps => Assert.InRange(heaps, 1, gc.MaxHeaps));
            // one GC event per collection, none missed (a collection between reading /stats and /runtime/gc may add one)
            Assert.InRange(json.CollectionsByHeaps.Values.Sum(), json.Gen0Collections, json.Gen0Collections + 1);
            Assert.True(json.GcPause >= TimeSpan.Zero && json.PromotedToGen2Bytes >= 0 && json.AllocatedBytes > 0, $"{json}");
            Assert.StartsWith("The server runs the server collector with DATAS on", (await GcReport.ReadAsync(lab)).Reading);
        }
        finally { await lab.DisposeAsync(); }
    }
}
