using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L01BackendBasics;

/// <summary>Lesson 1, q2: the visit count lives in the server, one count for every client.</summary>
[Collection("servers")]
public class Lesson01VisitsTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    static void SolutionVisits(WebApplication app)
    {
        var visits = 0;
        app.MapPost("/visits", () => Interlocked.Increment(ref visits));
        app.MapGet("/visits", () => Volatile.Read(ref visits));
    }

    [Fact]
    public async Task Q2TheSolutionIsCorrect()
    {
        var result = await Lesson01.Q2.Check(SolutionVisits);
        Assert.True(result.IsCorrect, result.ToString());
        Assert.Contains("0 → 4", result.Message);
        Assert.Contains("Bob: GET /visits → 200 3", result.Details);
    }

    [Fact]
    public async Task Q2ACountKeptOutsideTheServerSetupStillPassesWhenCheckedTwice()
    {
        var visits = 0; // like a notebook variable: checking again starts from where it was
        void Map(WebApplication app)
        {
            app.MapPost("/visits", () => Interlocked.Increment(ref visits));
            app.MapGet("/visits", () => visits);
        }

        Assert.True((await Lesson01.Q2.Check(Map)).IsCorrect);
        var again = await Lesson01.Q2.Check(Map);
        Assert.True(again.IsCorrect, again.ToString());
        Assert.Contains("4 → 8", again.Message);
    }

    [Fact]
    public async Task Q2TheStarterIsNotAttempted()
    {
        var result = await Lesson01.Q2.Check(app =>
        {
            app.MapPost("/visits", int () => throw new NotImplementedException());
            app.MapGet("/visits", int () => throw new NotImplementedException());
        });
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public async Task Q2ACountDeclaredInsideTheHandlerIsIncorrect()
    {
        var result = await Lesson01.Q2.Check(app =>
        {
            app.MapPost("/visits", () => { var visits = 0; visits++; return visits; });
            app.MapGet("/visits", () => 0);
        });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("starts again from 0", result.Message);
        Assert.Contains("outside the handler", result.Message);
    }

    [Fact]
    public async Task Q2AnsweringTheOldCountIsIncorrectAndNamesTheSlip()
    {
        var result = await Lesson01.Q2.Check(app =>
        {
            var visits = 0;
            app.MapPost("/visits", () => visits++);
            app.MapGet("/visits", () => visits);
        });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("++visits", result.Message);
    }

    [Fact]
    public async Task Q2AGetThatCountsIsIncorrect()
    {
        var result = await Lesson01.Q2.Check(app =>
        {
            var visits = 0;
            app.MapPost("/visits", () => Interlocked.Increment(ref visits));
            app.MapGet("/visits", () => visits++);
        });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("must not change it", result.Message);
    }

    [Fact]
    public async Task Q2ACountPerClientIsIncorrect()
    {
        // Each connection gets its own count: what a client-side counter would look like from the server.
        var result = await Lesson01.Q2.Check(app =>
        {
            var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
            app.MapPost("/visits", (HttpContext c) => counts.AddOrUpdate(c.Connection.RemotePort.ToString(), 1, (_, n) => n + 1));
            app.MapGet("/visits", (HttpContext c) => counts.GetValueOrDefault(c.Connection.RemotePort.ToString()));
        });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("Bob, a second client", result.Message);
    }

    [Fact]
    public async Task Q2AMissingEndpointIsIncorrectAndSaysWhichOne()
    {
        var result = await Lesson01.Q2.Check(app => { app.MapPost("/visits", () => 1); });

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("405", result.Message);
    }

    // ---- Hints and solutions ----
}
