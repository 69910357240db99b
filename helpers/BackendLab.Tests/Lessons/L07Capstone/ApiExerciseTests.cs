using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BackendLab.Tests.Lessons.L07Capstone;

/// <summary>Capstone step 1: the reference passes, the starter is not attempted, each plausible mistake is named.</summary>
[Collection("servers")]
public class ApiExerciseTests
{
    [Fact]
    public async Task TheReferenceIsCorrect()
    {
        var result = await Lesson07.Q1.Check(ReferenceTickets.MapTickets);
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson07.Q1.Check((_, _) => throw new NotImplementedException())).Outcome);

    // The API with one thing changed: `validate` decides what a new event's errors are, `limit` whether bodies are capped,
    // `lookUp` whether a booking looks for its event first.
    static Action<WebApplication, ITickets> Api(Func<NewEvent, Dictionary<string, string[]>>? validate = null, bool limit = true, bool lookUp = true, bool problemDetails = true) =>
        (app, tickets) =>
        {
            validate ??= form => form is { Name.Length: > 0 and <= 100, Seats: >= 1 and <= 10_000 } ? [] : new() { ["name"] = ["bad"], ["seats"] = ["bad"] };
            async Task<IResult> Create(NewEvent form)
            {
                var errors = validate(form);
                if (errors.Count > 0) return problemDetails ? Results.ValidationProblem(errors) : Results.BadRequest("invalid");
                var created = await tickets.CreateEventAsync(form.Name ?? "", form.Seats ?? 0);
                return Results.Created($"/events/{created.Id}", created);
            }
            if (limit) app.MapPost("/events", [RequestSizeLimit(Tickets.MaxBodyBytes)] (NewEvent form) => Create(form));
            else app.MapPost("/events", (NewEvent form) => Create(form));
            app.MapGet("/events", () => tickets.ListEventsAsync());
            app.MapGet("/events/{id:long}", async (long id) => await tickets.FindEventAsync(id) is { } e ? Results.Ok(e) : Results.NotFound());
            app.MapPost("/events/{id:long}/bookings", async (long id, NewBooking form) =>
            {
                if (form.Seats is not (>= 1 and <= 10)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["seats"] = ["bad"] });
                if (lookUp && await tickets.FindEventAsync(id) is null) return Results.NotFound();
                return await tickets.BookAsync(id, form.Seats.Value, null) ? Results.Ok() : Results.Problem("sold out", statusCode: 409);
            });
        };

    [Fact]
    public async Task TheApiIsCorrectWrittenAnotherWay()
    {
        var result = await Lesson07.Q1.Check(Api());
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task NoValidationIsNamed()
    {
        var result = await Lesson07.Q1.Check(Api(validate: _ => []));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("the event was accepted", result.Message);
    }

    [Fact]
    public async Task APlainBadRequestIsNotProblemDetails()
    {
        var result = await Lesson07.Q1.Check(Api(problemDetails: false));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("Results.ValidationProblem", result.Message);
    }

    [Fact]
    public async Task OnlyTheNameCheckedIsNamed()
    {
        var result = await Lesson07.Q1.Check(Api(validate: f => string.IsNullOrEmpty(f.Name) ? new() { ["name"] = ["bad"] } : []));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("not `seats`", result.Message);
    }

    [Fact]
    public async Task AnUncappedBodyIsNamed()
    {
        var result = await Lesson07.Q1.Check(Api(limit: false));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("expected 413", result.Message);
    }

    [Fact]
    public async Task SoldOutForAnUnknownEventIsNamed()
    {
        var result = await Lesson07.Q1.Check(Api(lookUp: false));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("409 says \"sold out\"", result.Message);
    }

    [Fact]
    public async Task EchoingTheBodyIsOverPosting()
    {
        var result = await Lesson07.Q1.Check((app, tickets) =>
        {
            app.MapPost("/events", [RequestSizeLimit(Tickets.MaxBodyBytes)] async (Event form) =>
            {
                if (string.IsNullOrEmpty(form.Name) || form.Seats is < 1 or > 10_000)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["bad"], ["seats"] = ["bad"] });
                var created = await tickets.CreateEventAsync(form.Name, form.Seats);
                return Results.Created($"/events/{created.Id}", form with { Id = created.Id });   // answers the client's own "booked"
            });
            app.MapGet("/events", () => tickets.ListEventsAsync());
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("not the client's to set", result.Message);
    }
}
