using BackendLab.Lessons.L01BackendBasics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static BackendLab.Tests.Core.ExampleExercises;

namespace BackendLab.Tests.Core;

/// <summary>A check of partly finished work names what is done and what still has the starter code, endpoint by endpoint.</summary>
[Collection("servers")]
public class PartialWorkTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    [Fact]
    public async Task TheVisitCounterWithBothEndpointsStillStarterIsNotAttempted()
    {
        var result = await Lesson01.Q2.Check(app =>
        {
            app.MapPost("/visits", int () => throw new NotImplementedException());
            app.MapGet("/visits", int () => throw new NotImplementedException());
        });
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
        Assert.Contains("starter code is still in place", result.Message);
    }

    [Fact]
    public async Task TheVisitCounterWithPostDoneAndGetStarterSaysWhichIsWhich()
    {
        var visits = 0;
        var result = await Lesson01.Q2.Check(app =>
        {
            app.MapPost("/visits", () => Interlocked.Increment(ref visits));
            app.MapGet("/visits", int () => throw new NotImplementedException());
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.StartsWith("`POST /visits` works; `GET /visits` still throws `NotImplementedException`: its starter code is still in place.", result.Message);
        Assert.Contains("`Lesson01.Q2.Check(…)` again", result.Message);
        Assert.Equal(1, visits); // the POST really ran, once, to find out
    }

    [Fact]
    public async Task TheVisitCounterWithGetDoneAndPostStarterSaysWhichIsWhich()
    {
        var result = await Lesson01.Q2.Check(app =>
        {
            app.MapPost("/visits", int () => throw new NotImplementedException());
            app.MapGet("/visits", () => 0);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.StartsWith("`GET /visits` works; `POST /visits` still throws `NotImplementedException`", result.Message);
    }

    [Fact]
    public async Task TheVisitCounterFinishedIsCorrect()
    {
        var visits = 0;
        var result = await Lesson01.Q2.Check(app =>
        {
            app.MapPost("/visits", () => Interlocked.Increment(ref visits));
            app.MapGet("/visits", () => visits);
        });
        Assert.Equal(CheckOutcome.Correct, result.Outcome);
    }

    [Fact]
    public async Task AnEndpointExerciseWithTheFirstEndpointStarterStillFindsTheOneThatIsDone()
    {
        // The first probe (POST /items) meets the starter; the check still tries GET /items/{id} and reports both.
        var result = await CreateItem.Check(app =>
        {
            app.MapPost("/items", IResult () => throw new NotImplementedException());
            app.MapGet("/items/{id}", (int id) => id == 1 ? Results.Ok(new { name = "pen" }) : Results.NotFound());
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.StartsWith("`GET /items/{id}` works; `POST /items` still throws `NotImplementedException`", result.Message);
    }

    [Fact]
    public async Task AnEndpointExerciseWithEveryEndpointStarterIsNotAttempted()
    {
        var result = await CreateItem.Check(app =>
        {
            app.MapPost("/items", IResult () => throw new NotImplementedException());
            app.MapGet("/items/{id}", IResult (int id) => throw new NotImplementedException());
        });
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }
}
