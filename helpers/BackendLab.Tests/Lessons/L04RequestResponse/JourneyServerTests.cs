using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Xunit.Abstractions;

namespace BackendLab.Tests.Lessons.L04RequestResponse;

public class JourneyServerTests(ITestOutputHelper output)
{
    public record Order(string Item, int Quantity);

    static Task<JourneyServer> StartAsync(string name) => JourneyServer.StartAsync(name, endpoints: app =>
    {
        app.MapPost("/orders/{id:int}", async (int id, [FromQuery] bool express, Order order) =>
        {
            await Task.Delay(20);
            return Results.Ok(new { id, express, order.Item, order.Quantity });
        });
    });

    [Fact]
    public async Task EveryStageOfANewConnectionIsMeasuredInOrder()
    {
        await using var server = await StartAsync(nameof(EveryStageOfANewConnectionIsMeasuredInOrder));
        var journey = await server.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/orders/7?express=true") { Content = JsonContent.Create(new Order("tea", 2)) });
        output.WriteLine(journey.ToString());

        Assert.Equal(200, journey.StatusCode);
        Assert.True(journey.NewConnection);
        Assert.Equal(1, journey.RequestOnConnection);
        Assert.Equal("POST /orders/{id:int}", journey.Endpoint);
        Assert.Equal(
            ["client prepares", "TCP connect", "bytes on the wire", "parsing (Kestrel)", "middleware", "routing", "binding", "handler", "serialize + write", "client reads response"],
            journey.Stages.Select(s => s.Name));
        // The server-side stages follow each other without gaps or overlaps.
        var server_ = journey.Stages.Skip(3).Take(6).ToList();
        for (var i = 1; i < server_.Count; i++) Assert.Equal(server_[i - 1].EndMs, server_[i].StartMs, 6);
        // The handler's 20 ms delay lies inside the handler stage. Lower bound: a timer may fire a little early as the
        // stopwatch sees it (19.1 ms seen on a busy machine); upper bound: a busy machine may delay it a lot.
        Assert.InRange(journey["handler"], 18, 5000);
        Assert.All(journey.Stages, s => Assert.True(s.DurationMs >= 0));
    }

    [Fact]
    public async Task AKeptAliveRequestSkipsTheConnectAndCountsOnTheConnection()
    {
        await using var server = await StartAsync(nameof(AKeptAliveRequestSkipsTheConnectAndCountsOnTheConnection));
        var content = () => JsonContent.Create(new Order("tea", 2));
        await server.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/orders/1") { Content = content() }, newConnection: false);
        var second = await server.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/orders/2") { Content = content() }, newConnection: false);
        Assert.False(second.NewConnection);
        Assert.Equal(2, second.RequestOnConnection);
        Assert.DoesNotContain(second.Stages, s => s.Name == "TCP connect");
        Assert.True(second["bytes on the wire"] >= 0);
    }

    [Fact]
    public async Task ANotFoundRequestHasNoEndpointNoBindingAndNoHandler()
    {
        await using var server = await StartAsync(nameof(ANotFoundRequestHasNoEndpointNoBindingAndNoHandler));
        var journey = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/nowhere"));
        Assert.Equal(404, journey.StatusCode);
        Assert.Null(journey.Endpoint);
        Assert.True(double.IsNaN(journey["handler"]));
        Assert.True(double.IsNaN(journey["binding"]));
        Assert.False(double.IsNaN(journey["routing"]));
    }

    [Fact]
    public async Task ABindingFailureStopsBeforeTheHandler()
    {
        await using var server = await StartAsync(nameof(ABindingFailureStopsBeforeTheHandler));
        var journey = await server.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/orders/3") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") });
        Assert.Equal(400, journey.StatusCode);
        Assert.True(double.IsNaN(journey["handler"]));
    }

    [Fact]
    public async Task ARouteValueThatFailsBindingNeverReachesTheHandler()
    {
        await using var server = await JourneyServer.StartAsync(nameof(ARouteValueThatFailsBindingNeverReachesTheHandler), app => app.MapGet("/items/{id}", (int id) => id));
        var journey = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/items/abc"));
        Assert.Equal(400, journey.StatusCode);
        Assert.True(double.IsNaN(journey["handler"]));
    }

    [Fact]
    public async Task TheWaterfallChartHoldsEveryStage()
    {
        await using var server = await StartAsync(nameof(TheWaterfallChartHoldsEveryStage));
        var journey = await server.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/orders/7") { Content = JsonContent.Create(new Order("tea", 2)) });
        var html = RequestJourney.Waterfall(journey.As("cold"), journey.As("again")).ToString()!;
        Assert.Contains("\"orientation\":\"h\"", html);
        Assert.Contains("routing", html);
        Assert.Contains("again", html);
    }

    [Fact]
    public async Task StartingUnderTheSameNameReplacesTheServer()
    {
        var first = await StartAsync("journey-replace");
        var second = await StartAsync("journey-replace");
        await using var _ = second;
        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(first.Url));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(second.Url)).StatusCode);
    }
}
