using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BackendLab.Tests.Lessons.L04RequestResponse;

/// <summary>Lesson 4's checks: the solution passes, plausible mistakes fail with a useful message, the starter is "not attempted".</summary>
[Collection("servers")]
public class Lesson04Tests
{
    // ---- Q1: timing middleware ----

    static async Task SolutionTiming(HttpContext context, RequestDelegate next)
    {
        var start = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] = $"total;dur={Stopwatch.GetElapsedTime(start).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)}";
            return Task.CompletedTask;
        });
        await next(context);
    }

    [Fact]
    public async Task Q1TheSolutionIsCorrect()
    {
        var result = await Lesson04.Q1.Check(SolutionTiming);
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task Q1TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson04.Q1.Check((_, _) => throw new NotImplementedException())).Outcome);

    [Fact]
    public async Task Q1SettingTheHeaderAfterTheHandlerPointsToOnStarting()
    {
        var result = await Lesson04.Q1.Check(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            await next(context);
            context.Response.Headers["Server-Timing"] = $"total;dur={Stopwatch.GetElapsedTime(start).TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}";
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("OnStarting", result.Message);
    }

    [Fact]
    public async Task Q1TimingOnlyTheMiddlewareItselfIsIncorrect()
    {
        var result = await Lesson04.Q1.Check((context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = $"total;dur={ms.ToString("0.000", CultureInfo.InvariantCulture)}";
            return next(context);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("/slow", result.Message);
        Assert.Contains("before `await next(context)`", result.Message);
    }

    [Fact]
    public async Task Q1AMiddlewareThatForgetsNextIsIncorrect()
    {
        var result = await Lesson04.Q1.Check((context, _) => { context.Response.Headers["Server-Timing"] = "total;dur=0"; return Task.CompletedTask; });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("await next(context)", result.Message);
    }

    // ---- Q2: ETag / 304 ----

    static IResult SolutionCatalog(HttpRequest request, HttpResponse response, string body)
    {
        var etag = ETags.For(body);
        response.Headers.ETag = etag;
        return ETags.IfNoneMatch(request, etag) ? Results.StatusCode(304) : Results.Text(body, "application/json");
    }

    [Fact]
    public async Task Q2TheSolutionIsCorrect()
    {
        var result = await Lesson04.Q2.Check(SolutionCatalog);
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task Q2TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson04.Q2.Check((_, _, _) => throw new NotImplementedException())).Outcome);

    [Fact]
    public async Task Q2AFixedTagThatIgnoresTheContentIsIncorrect()
    {
        var result = await Lesson04.Q2.Check((request, response, body) =>
        {
            response.Headers.ETag = "\"v1\"";
            return request.Headers.IfNoneMatch == "\"v1\"" ? Results.StatusCode(304) : Results.Text(body, "application/json");
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("old tag still got 304", result.Message);
    }

    [Fact]
    public async Task Q2NoTagAtAllIsIncorrect()
    {
        var result = await Lesson04.Q2.Check((_, _, body) => Results.Text(body, "application/json"));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("no `ETag` header", result.Message);
    }

    [Fact]
    public async Task Q2AnUnquotedTagIsIncorrect()
    {
        var result = await Lesson04.Q2.Check((_, response, body) => { response.Headers.ETag = "abc"; return Results.Text(body); });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("double quotes", result.Message);
    }

    // ---- Q3: idempotency keys ----

    public record PlacedOrder(int Id, string Item);

    static void SolutionOrders(WebApplication app)
    {
        var orders = new ConcurrentDictionary<int, PlacedOrder>();
        var keys = new ConcurrentDictionary<string, Lazy<PlacedOrder>>();
        var next = 0;
        PlacedOrder Create(string item) { var o = new PlacedOrder(Interlocked.Increment(ref next), item); orders[o.Id] = o; return o; }
        app.MapPost("/orders", (string item, [FromHeader(Name = "Idempotency-Key")] string? key) =>
        {
            var order = key is null ? Create(item) : keys.GetOrAdd(key, _ => new Lazy<PlacedOrder>(() => Create(item))).Value;
            return Results.Created($"/orders/{order.Id}", order);
        });
        app.MapGet("/orders/count", () => orders.Count);
    }

    [Fact]
    public async Task Q3TheSolutionIsCorrect()
    {
        var result = await Lesson04.Q3.Check(SolutionOrders);
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task Q3TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson04.Q3.Check(_ => throw new NotImplementedException())).Outcome);

    [Fact]
    public async Task Q3IgnoringTheKeyMakesADuplicate()
    {
        var result = await Lesson04.Q3.Check(app =>
        {
            var count = 0;
            app.MapPost("/orders", (string item) => Results.Created("/orders/x", new { id = Interlocked.Increment(ref count), item }));
            app.MapGet("/orders/count", () => count);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("duplicate", result.Message);
    }

    [Fact]
    public async Task Q3ACheckThenActRaceIsCaughtByTheBurst()
    {
        var result = await Lesson04.Q3.Check(app =>
        {
            var orders = new ConcurrentDictionary<string, int>();
            var count = 0;
            app.MapPost("/orders", async (string item, [FromHeader(Name = "Idempotency-Key")] string key) =>
            {
                if (orders.TryGetValue(key, out var existing)) return Results.Ok(existing);
                await Task.Delay(5);                       // work between the check and the act
                var id = Interlocked.Increment(ref count);
                orders[key] = id;
                return Results.Created($"/orders/{id}", id);
            });
            app.MapGet("/orders/count", () => count);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("single step", result.Message);
    }
}
