using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L04RequestResponse;

public class ResponsePhaseTests
{
    static readonly string Report = string.Join("\n", Enumerable.Range(1, 400).Select(i => $"line {i}: the quick brown fox"));

    static Task<RunningServer> StartAsync(Action<WebApplication> map, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        Servers.StartAsync("phase " + name, map, new ServerOptions { Environment = "Production" });

    static void MapReport(WebApplication app) => app.MapGet("/report", (HttpRequest request) =>
    {
        var etag = ETags.For(Report);
        if (ETags.IfNoneMatch(request, etag)) return Results.StatusCode(304);
        return Results.Text(Report, "text/plain");
    }).AddEndpointFilter(async (ctx, next) => { ctx.HttpContext.Response.Headers.ETag = ETags.For(Report); return await next(ctx); });

    [Fact]
    public void SameContentSameTagDifferentContentDifferentTag()
    {
        Assert.Equal(ETags.For("a"), ETags.For("a"));
        Assert.NotEqual(ETags.For("a"), ETags.For("b"));
        Assert.StartsWith("\"", ETags.For("a"));
        Assert.EndsWith("\"", ETags.For("a"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("\"other\"", false)]
    [InlineData("*", true)]
    [InlineData("MATCH", true)]
    [InlineData("W/MATCH", true)]
    [InlineData("\"other\", MATCH", true)]
    public void IfNoneMatchFollowsTheWeakComparison(string? header, bool expected)
    {
        var etag = ETags.For("content");
        var context = new DefaultHttpContext();
        if (header is not null) context.Request.Headers.IfNoneMatch = header.Replace("MATCH", etag);
        Assert.Equal(expected, ETags.IfNoneMatch(context.Request, etag));
    }

    [Fact]
    public async Task ANotModifiedAnswerCarriesNoBodyAndFarFewerBytes()
    {
        await using var app = await StartAsync(MapReport);
        using var counting = new CountingClient(app.BaseAddress);
        var first = await counting.Client.GetAsync("/report");
        var firstBytes = counting.BytesReceived;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(firstBytes > Report.Length, $"{firstBytes} bytes for a {Report.Length}-byte body");

        counting.Reset();
        var again = new HttpRequestMessage(HttpMethod.Get, "/report");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await counting.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.InRange(counting.BytesReceived, 20, 400);
        Assert.True(counting.BytesSent > 0);
    }

    public record Reading(int N, double Value);

    static async IAsyncEnumerable<Reading> Readings(int count, int delayMs)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Delay(delayMs);
            yield return new Reading(i, i * 1.5);
        }
    }

    [Fact]
    public async Task AStreamedBodyStartsLongBeforeABufferedOneEnds()
    {
        await using var app = await StartAsync(a =>
        {
            a.MapGet("/buffered", async () =>
            {
                var all = new List<Reading>();
                await foreach (var r in Readings(8, 40)) all.Add(r);
                return all;
            });
            a.MapGet("/streamed", () => Readings(8, 40));
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var buffered = await FirstByteTiming.MeasureAsync(client, "/buffered", "buffered");
        var streamed = await FirstByteTiming.MeasureAsync(client, "/streamed", "streamed");
        Assert.True(buffered.FirstByteMs >= 8 * 40 * 0.9, buffered.ToString());
        Assert.True(streamed.FirstByteMs < buffered.FirstByteMs / 2, $"{streamed} vs {buffered}");
        Assert.True(streamed.Arrivals.Count >= 4, $"streamed body came in {streamed.Arrivals.Count} chunks");
        Assert.Equal(streamed.Bytes, streamed.Arrivals[^1].BytesSoFar);
        Assert.Contains("streamed", FirstByteTiming.Chart(buffered, streamed).ToString());
    }

    [Fact]
    public async Task ALostResponseCommitsTheWorkButTheClientSeesAnError()
    {
        var orders = 0;
        LostResponseCounter? lost = null;
        await using var app = await StartAsync(a =>
        {
            lost = a.UseLostResponses(count: 1);
            a.MapPost("/orders", () => Results.Created("/orders/1", new { id = Interlocked.Increment(ref orders) }));
            a.MapGet("/orders/count", () => orders);
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("/orders", null));
        Assert.Equal(1, orders);              // committed, although the client got nothing
        Assert.Equal(1, lost!.Dropped);
        var retry = await client.PostAsync("/orders", null);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(2, orders);              // the retry made a duplicate
        Assert.Equal("2", await client.GetStringAsync("/orders/count"));
    }
}
