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
