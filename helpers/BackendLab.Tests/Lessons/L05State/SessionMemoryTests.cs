using Microsoft.AspNetCore.Builder;
using System.Collections.Concurrent;
using System.Net;

namespace BackendLab.Tests.Lessons.L05State;


[Collection("servers")]
public class SessionMemoryTests
{
    [Fact]
    public async Task BiggerSessionsMeasureBigger()
    {
        var carts = new ConcurrentDictionary<string, List<string>>();
        await using var server = await Servers.StartAsync("session-memory", app =>
            app.MapPost("/cart/{user}/items", (string user, string item) => { carts.GetOrAdd(user, _ => []).Add(item); return 1; }),
            new ServerOptions { RecordRequests = false });
        var small = await SessionMemory.MeasureAsync(server.Client, i => new HttpRequestMessage(HttpMethod.Post, $"/cart/s{i}/items?item=tea"), 1000);
        var big = await SessionMemory.MeasureAsync(server.Client, i => new HttpRequestMessage(HttpMethod.Post, $"/cart/b{i}/items?item={new string('x', 2000)}"), 1000);
        Assert.Equal(4000, carts.Count);
        Assert.InRange(small.BytesPerSession, 50, 2000);
        Assert.True(big.BytesPerSession > small.BytesPerSession + 3000, $"{big} vs {small}");   // 2000 chars = 4000 bytes of UTF-16
    }

    [Fact]
    public async Task ABurstStartsEveryRequestAndCountsStatuses()
    {
        var inFlight = 0; var peak = 0;
        await using var server = await Servers.StartAsync("burst", app => app.MapGet("/slow", async () =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(100);
            Interlocked.Decrement(ref inFlight);
            return "ok";
        }));
        var result = await Burst.SendAsync(server.Client, 20, HttpMethod.Get, "/slow");
        Assert.Equal(20, result[HttpStatusCode.OK]);
        Assert.True(peak >= 10, $"peak concurrency {peak}");
        var limited = await Burst.SendAsync(server.Client, 6, HttpMethod.Get, "/slow", concurrency: 2);
        Assert.Equal(6, limited.Succeeded);
        Assert.True(limited.Elapsed >= TimeSpan.FromMilliseconds(280), limited.ToString());
    }

    static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
