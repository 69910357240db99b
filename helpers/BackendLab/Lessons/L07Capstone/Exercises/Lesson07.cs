namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// The capstone's steps, <c>07-capstone.ipynb</c>: <c>await Lesson07.Q1.Check(…)</c>, <c>Lesson07.Q1.Hint()</c>,
/// <c>Lesson07.Q1.Solution()</c>; stuck at a step, <c>Lesson07.UseReference(step: n)</c> gives BackendLab's own piece.
/// </summary>
public static partial class Lesson07
{
    /// <summary>Step 1: the API and its boundary. Check: <c>await Lesson07.Q1.Check(MapTickets)</c>.</summary>
    public static readonly ApiExercise Q1 = new("07-capstone/q1", "The API and its boundary",
    [
        "Four endpoints: `MapPost(\"/events\", …)`, `MapGet(\"/events\", …)`, `MapGet(\"/events/{id:long}\", …)`, `MapPost(\"/events/{id:long}/bookings\", …)`. Bind the body to `NewEvent` / `NewBooking` only: fields a client may not set are then never read.",
        "Collect errors in a `Dictionary<string, string[]>` keyed by field (`\"name\"`, `\"seats\"`) and answer `Results.ValidationProblem(errors)` when it is not empty. Put `[RequestSizeLimit(Tickets.MaxBodyBytes)]` before each POST lambda.",
        "Booking: validate `seats` (1 to `Tickets.MaxSeatsPerBooking`), then `await tickets.FindEventAsync(id)` (null → `Results.NotFound()`), then `await tickets.BookAsync(id, seats, key)`: true → `Results.Ok(…)`, false → `Results.Problem(\"Not enough seats left.\", statusCode: 409)`.",
    ]);
}
