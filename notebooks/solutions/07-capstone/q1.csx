Action<WebApplication, ITickets> MapTickets = (app, tickets) =>
{
    app.MapPost("/events", [RequestSizeLimit(Tickets.MaxBodyBytes)] async (NewEvent form) =>
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Length > Tickets.MaxNameLength) errors["name"] = ["Give a name of 1 to 100 characters."];
        if (form.Seats is not (>= 1 and <= Tickets.MaxSeats)) errors["seats"] = ["Give 1 to 10000 seats."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        var created = await tickets.CreateEventAsync(form.Name!, form.Seats!.Value);
        return Results.Created($"/events/{created.Id}", created);
    });
    app.MapGet("/events", () => tickets.ListEventsAsync());
    app.MapGet("/events/{id:long}", async (long id) => await tickets.FindEventAsync(id) is { } e ? Results.Ok(e) : Results.NotFound());
    app.MapPost("/events/{id:long}/bookings", [RequestSizeLimit(Tickets.MaxBodyBytes)] async (long id, NewBooking form, HttpRequest request) =>
    {
        if (form.Seats is not (>= 1 and <= Tickets.MaxSeatsPerBooking))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["seats"] = ["Book 1 to 10 seats."] });
        if (await tickets.FindEventAsync(id) is null) return Results.NotFound();
        var key = request.Headers[Tickets.IdempotencyKeyHeader].FirstOrDefault();
        return await tickets.BookAsync(id, form.Seats.Value, key)
            ? Results.Ok(new { eventId = id, seats = form.Seats })
            : Results.Problem("Not enough seats left.", statusCode: 409);
    });
};
await Lesson07.Q1.Check(MapTickets)
