using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L01BackendBasics;

/// <summary>Lesson 1's checks: the solution passes, plausible mistakes fail with a useful message, the starter is "not attempted".</summary>
[Collection("servers")]
public class Lesson01Tests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    // ---- Q1: POST /signup enforces the rules ----

    static IResult SolutionSignUp(SignUpForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Name)) return Results.BadRequest("A name is required.");
        if (form.Age is < 13 or > 130) return Results.BadRequest("Members are 13 to 130 years old.");
        return Results.Created($"/members/{Uri.EscapeDataString(form.Name)}", new { name = form.Name, role = "member" });
    }

    static Task<CheckResult> CheckSignUp(Func<SignUpForm, IResult> handler) => Lesson01.Q1.Check(app => app.MapPost("/signup", handler));

    [Fact]
    public async Task Q1TheSolutionIsCorrect()
    {
        var result = await CheckSignUp(SolutionSignUp);
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task Q1TheStarterIsNotAttempted()
    {
        var result = await CheckSignUp(_ => throw new NotImplementedException());
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public async Task Q1AnOffByOneAgeLimitIsIncorrectAndNamesTheRequest()
    {
        var result = await CheckSignUp(form => form.Age < 12 || string.IsNullOrWhiteSpace(form.Name)
            ? Results.BadRequest() : Results.Created("/m", new { name = form.Name, role = "member" }));

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("\"age\":12", result.Message);
        Assert.Contains("400", result.Message);
    }

    [Fact]
    public async Task Q1LettingTheClientChooseItsRoleIsIncorrect()
    {
        var result = await CheckSignUp(form => string.IsNullOrWhiteSpace(form.Name) || form.Age is < 13 or > 130
            ? Results.BadRequest() : Results.Created("/m", new { name = form.Name, role = form.Role ?? "member" }));

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("\"role\":\"admin\"", result.Message);
        Assert.Contains("member", result.Message);
    }

    [Fact]
    public async Task Q1AcceptingANameOfSpacesIsIncorrect()
    {
        var result = await CheckSignUp(form => string.IsNullOrEmpty(form.Name) || form.Age is < 13 or > 130
            ? Results.BadRequest() : Results.Created("/m", new { name = form.Name, role = "member" }));

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("\"name\":\"   \"", result.Message);
    }

    [Fact]
    public async Task Q1AnsweringOkInsteadOfCreatedIsIncorrect()
    {
        var result = await CheckSignUp(form => string.IsNullOrWhiteSpace(form.Name) || form.Age is < 13 or > 130
            ? Results.BadRequest() : Results.Ok(new { name = form.Name, role = "member" }));

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("201", result.Message);
    }

    // ---- Q2: the visit count lives in the server ----

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

    [Fact]
    public void EachExerciseHasHintsAndFindsItsSolutionFile()
    {
        foreach (Exercise q in new Exercise[] { Lesson01.Q1, Lesson01.Q2 })
        {
            Assert.True(q.Hints.Count >= 2, q.Id);
            var solution = q.Solution();
            Assert.True(solution.IsCode, $"{q.Id}: {solution}");
        }
        Assert.Contains("IResult SignUp(SignUpForm form)", Lesson01.Q1.Solution().Text);
        Assert.Contains("void MapVisits(WebApplication app)", Lesson01.Q2.Solution().Text);
    }
}
