using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static BackendLab.Tests.Core.ExampleExercises;

namespace BackendLab.Tests.Core;

[Collection("servers")]
public class EndpointExerciseTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    [Fact]
    public async Task TheSolutionIsCorrect()
    {
        var result = await Greet.Check(app => { app.MapGet("/hello/{name}", (string name) => $"Hello, {name}!"); });

        Assert.Equal(CheckOutcome.Correct, result.Outcome);
        Assert.Equal("All 2 requests got the right responses.", result.Message);
        Assert.Contains("✓ GET /hello/Ada → 200", result.Details);
        Assert.DoesNotContain(Servers.Running, n => n.StartsWith("check "));
    }

    [Fact]
    public async Task AWrongBodyIsIncorrectAndNamesTheRequestAndWhatCameBack()
    {
        var result = await Greet.Check(app => { app.MapGet("/hello/{name}", (string name) => $"Hi, {name}!"); });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal("`GET /hello/Ada`: the response body is `Hi, Ada!`; wanted `Hello, Ada!`.", result.Message);
    }

    [Fact]
    public async Task AWrongPathIsA404WithAHintAboutMapping()
    {
        var result = await Greet.Check(app => { app.MapGet("/greet/{name}", (string name) => $"Hello, {name}!"); });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.StartsWith("`GET /hello/Ada`: the response status is `404 NotFound`; wanted `200 OK`.", result.Message);
        Assert.Contains("No endpoint matched", result.Message);
    }

    [Fact]
    public async Task StarterCodeThatThrowsWhileMappingIsNotAttempted()
    {
        var result = await Greet.Check(app => { throw new NotImplementedException("your code here"); });
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
        Assert.Contains("`Lesson00.Q1.Check(…)` will judge it", result.Message);
    }

    [Fact]
    public async Task StarterCodeThatThrowsInTheHandlerIsNotAttempted()
    {
        var result = await Greet.Check(app => { app.MapGet("/hello/{name}", string (string name) => throw new NotImplementedException("your code here")); });
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public async Task AThrowingHandlerIsIncorrectWithTheExceptionAndTheRequest()
    {
        var result = await Greet.Check(app => { app.MapGet("/hello/{name}", string (string name) => throw new InvalidOperationException("no greeting today")); });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal("`GET /hello/Ada`: your handler threw `InvalidOperationException: no greeting today`.", result.Message);
    }

    [Fact]
    public async Task ThrowingWhileMappingIsIncorrectNotACrash()
    {
        var result = await Greet.Check(app => { throw new InvalidOperationException("oops"); });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal("Setting up your endpoints threw `InvalidOperationException: oops`.", result.Message);
    }

    [Fact]
    public async Task AHangingHandlerIsIncorrectWithinTheTimeout()
    {
        var result = await Slow(TimeSpan.FromMilliseconds(500))
            .Check(app => { app.MapGet("/", async () => { await Task.Delay(Timeout.Infinite); return "late"; }); })
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.StartsWith("`GET /` got no response within 500 ms.", result.Message);
    }

    [Fact]
    public async Task ATaskSentInsteadOfItsResultSuggestsAMissingAwait()
    {
        var result = await CreateItem.Check(app =>
        {
            app.MapPost("/items", () => Results.Created("/items/1", new { id = 1, name = Task.FromResult("pen") }));
        });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("is an `await` missing?", result.Message);
    }

    [Fact]
    public async Task StatusHeaderAndJsonExpectationsAllHold()
    {
        var result = await CreateItem.Check(app =>
        {
            var items = new Dictionary<int, string>();
            app.MapPost("/items", (Item item) => { items[1] = item.Name; return Results.Created("/items/1", new { id = 1, name = item.Name }); });
            app.MapGet("/items/{id}", (int id) => items.TryGetValue(id, out var name) ? Results.Ok(new { id, name }) : Results.NotFound());
        });

        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task AWrongStatusSaysWhatCameBackAndWhatWasWanted()
    {
        var result = await CreateItem.Check(app => { app.MapPost("/items", (Item item) => Results.Ok(new { id = 1, name = item.Name })); });

        Assert.Equal("`POST /items` with body `{\"name\":\"pen\"}`: the response status is `200 OK`; wanted `201 Created`.", result.Message);
    }

    [Fact]
    public async Task AMissingHeaderAndAWrongJsonPropertyAreNamed()
    {
        var noLocation = await CreateItem.Check(app => { app.MapPost("/items", (Item item) => Results.Json(new { id = 1, name = item.Name }, statusCode: 201)); });
        Assert.EndsWith("the response has no `Location` header.", noLocation.Message);

        var wrongName = await CreateItem.Check(app => { app.MapPost("/items", () => Results.Created("/items/1", new { id = 1, name = "pencil" })); });
        Assert.EndsWith("in the JSON, `name` is `\"pencil\"`; wanted `\"pen\"`.", wrongName.Message);
    }

    [Fact]
    public async Task LaterRequestsReportTheEarlierOnesThatPassed()
    {
        var result = await CreateItem.Check(app =>
        {
            app.MapPost("/items", (Item item) => Results.Created("/items/1", new { id = 1, name = item.Name }));
        });

        Assert.StartsWith("`GET /items/1`: the response status is `404 NotFound`", result.Message);
        Assert.Contains("✓ POST /items → 201", result.Details);
    }

    [Fact]
    public async Task AServerTheLearnerStartedCanBeCheckedAndKeepsRunning()
    {
        var mine = await Servers.StartAsync("mine", app => { app.MapGet("/hello/{name}", (string name) => $"Hello, {name}!"); });

        var result = await Greet.Check(mine);

        Assert.True(result.IsCorrect, result.ToString());
        Assert.Equal("Hello, Bob!", await mine.Client.GetStringAsync("/hello/Bob"));
    }

    [Fact]
    public async Task AStoppedServerIsIncorrectNotACrash()
    {
        var mine = await Servers.StartAsync("stopped", app => { });
        await mine.StopAsync();

        var result = await Greet.Check(mine);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
    }

    [Fact]
    public async Task NothingGivenIsNotAttempted()
    {
        Assert.Equal(CheckOutcome.NotAttempted, (await Greet.Check((Action<WebApplication>)null!)).Outcome);
        Assert.Equal(CheckOutcome.NotAttempted, (await Greet.Check((RunningServer)null!)).Outcome);
    }

    public record Item(string Name);
}
