using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// BackendLab's own answer to each step of the capstone (lesson 7): what a check runs beside your piece, what step 6
/// calibrates its target on, and what you can continue from when stuck (<c>Lesson07.UseReference(step: 3)</c>).
/// </summary>
public static class ReferenceTickets
{
    /// <summary>Step 1: the API and its boundary.</summary>
    public static void MapTickets(WebApplication app, ITickets tickets)
    {
        app.MapPost("/events", [RequestSizeLimit(Tickets.MaxBodyBytes)] async (NewEvent form) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Length > Tickets.MaxNameLength) errors["name"] = [$"Give a name of 1 to {Tickets.MaxNameLength} characters."];
            if (form.Seats is not (>= 1 and <= Tickets.MaxSeats)) errors["seats"] = [$"Give 1 to {Tickets.MaxSeats} seats."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            var created = await tickets.CreateEventAsync(form.Name!, form.Seats!.Value);
            return Results.Created($"/events/{created.Id}", created);
        });
        app.MapGet("/events", () => tickets.ListEventsAsync());
        app.MapGet("/events/{id:long}", async (long id) => await tickets.FindEventAsync(id) is { } found ? Results.Ok(found) : Results.NotFound());
        app.MapPost("/events/{id:long}/bookings", [RequestSizeLimit(Tickets.MaxBodyBytes)] async (long id, NewBooking form, HttpRequest request) =>
        {
            if (form.Seats is not (>= 1 and <= Tickets.MaxSeatsPerBooking))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["seats"] = [$"Book 1 to {Tickets.MaxSeatsPerBooking} seats."] });
            if (await tickets.FindEventAsync(id) is null) return Results.NotFound();
            var key = request.Headers[Tickets.IdempotencyKeyHeader].FirstOrDefault();
            return await tickets.BookAsync(id, form.Seats.Value, key)
                ? Results.Ok(new { eventId = id, seats = form.Seats })
                : Results.Problem("Not enough seats left.", statusCode: StatusCodes.Status409Conflict);
        });
    }

    /// <summary>Step 2: events and bookings in the SQLite file (booking as in step 4).</summary>
    public sealed class SqlTickets(TicketDb db) : ITickets
    {
        /// <inheritdoc/>
        public async Task<Event> CreateEventAsync(string name, int seats) =>
            new(await db.ScalarAsync<long>("INSERT INTO events (name, seats) VALUES ($name, $seats) RETURNING id", new { name, seats }), name, seats, 0);

        /// <inheritdoc/>
        public Task<List<Event>> ListEventsAsync() => db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events ORDER BY id");

        /// <inheritdoc/>
        public async Task<Event?> FindEventAsync(long id) =>
            (await db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events WHERE id = $id", new { id })).FirstOrDefault();

        /// <inheritdoc/>
        public Task<bool> BookAsync(long eventId, int seats, string? key) => BookOnce(db, eventId, seats, key);
    }

    /// <summary>Step 3: one conditional UPDATE, so no other writer (in this process or another) can come between the check and the act.</summary>
    public static async Task<bool> Book(TicketDb db, long eventId, int seats) =>
        await db.ExecuteAsync("UPDATE events SET booked = booked + $seats WHERE id = $eventId AND booked + $seats <= seats", new { eventId, seats }) == 1;

    /// <summary>Step 4: the key and the booking in one transaction; a key seen before answers what it answered then.</summary>
    public static async Task<bool> BookOnce(TicketDb db, long eventId, int seats, string? key)
    {
        if (key is null) return await Book(db, eventId, seats);
        return await db.TransactionAsync(async tx =>
        {
            var earlier = await tx.ScalarAsync<long?>("SELECT ok FROM bookings WHERE key = $key", new { key });
            if (earlier is not null) return earlier == 1;
            var ok = await tx.ExecuteAsync("UPDATE events SET booked = booked + $seats WHERE id = $eventId AND booked + $seats <= seats", new { eventId, seats }) == 1;
            await tx.ExecuteAsync("INSERT INTO bookings (key, event_id, seats, ok) VALUES ($key, $eventId, $seats, $ok)", new { key, eventId, seats, ok });
            return ok;
        });
    }

    /// <summary>Step 6: book once (step 4), then charge the card, awaiting the payment provider without holding a thread.</summary>
    public static async Task<bool> BookAndCharge(TicketDb db, long eventId, int seats, string? key)
    {
        var booked = await BookOnce(db, eventId, seats, key);
        if (booked) await Payments.ChargeAsync(eventId, seats);
        return booked;
    }

    /// <summary>The whole service (steps 1 to 4), one instance of it.</summary>
    public static Action<WebApplication, TicketDb> Service { get; } = Tickets.Service(MapTickets, db => new SqlTickets(db), BookOnce);
}
