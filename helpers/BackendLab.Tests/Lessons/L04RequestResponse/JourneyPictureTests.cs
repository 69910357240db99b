using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L04RequestResponse;

/// <summary>A measured journey drawn as a picture, a table and a chart, and the lesson's exchange table, on a real server.</summary>
public class JourneyPictureTests
{
    public record Order(string Item, int Quantity);

    [Fact]
    public async Task APictureHasOneBoxPerMeasuredStageWithItsTime()
    {
        await using var server = await JourneyServer.StartAsync(nameof(APictureHasOneBoxPerMeasuredStageWithItsTime),
            endpoints: app => app.MapPost("/orders/{id:int}", (int id, Order order) => Results.Ok(new { id, order.Item })));
        HttpRequestMessage Order() => new(HttpMethod.Post, "/orders/1") { Content = JsonContent.Create(new Order("tea", 2)) };
        var fresh = await server.SendAsync(Order());
        await server.SendAsync(Order(), newConnection: false);
        var kept = (await server.SendAsync(Order(), newConnection: false)).As("kept");

        var picture = fresh.Picture();
        Assert.Equal(fresh.Stages.Count, System.Text.RegularExpressions.Regex.Count(picture.Svg, "data-stage="));
        Assert.Contains("data-stage=\"TCP connect\"", picture.Svg);
        Assert.Contains("routing", picture.AltText);
        Assert.DoesNotContain("TCP connect", kept.Picture().AltText);

        var table = RequestJourney.Table(fresh, kept).ToString();
        Assert.Contains("—", table);                               // the kept-alive request had no TCP connect stage
        Assert.Contains("kept", RequestJourney.StageChart(fresh, kept).ToString());
    }

    [Fact]
    public async Task AnExchangeTableShowsStatusChosenHeadersAndBody()
    {
        await using var api = await Servers.StartAsync(nameof(AnExchangeTableShowsStatusChosenHeadersAndBody), app =>
            app.MapPost("/things", () => Results.Created("/things/7", new { id = 7 })));
        var answers = new ExchangeTable("answers", api.Client, "Location");
        await answers.SendAsync("create", new HttpRequestMessage(HttpMethod.Post, "/things"));
        await answers.SendAsync("missing", new HttpRequestMessage(HttpMethod.Get, "/nothing"));

        Assert.Equal([201, 404], answers.Statuses);
        var html = answers.ToString();
        Assert.Contains("Location: /things/7", html);
        Assert.Contains("201 Created", html);
        Assert.DoesNotContain("Content-Type", html);
    }
}
