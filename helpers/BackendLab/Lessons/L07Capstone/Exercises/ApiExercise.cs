using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Capstone step 1: the API and its boundary. <c>POST /events</c> (201 with the event), <c>GET /events</c>,
/// <c>GET /events/{id}</c>, <c>POST /events/{id}/bookings</c> (200, or 409 when sold out), with validation answered
/// as problem details (400 with field errors), 404 for an unknown event, fields a client should not set ignored, and
/// bodies over <see cref="Tickets.MaxBodyBytes"/> refused with 413. The check runs your endpoints over BackendLab's
/// own store. In a notebook: <c>await Lesson07.Q1.Check(MapTickets)</c>.
/// </summary>
public sealed class ApiExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>Starts <paramref name="map"/> over a fresh database and sends it a dozen requests. Never throws.</summary>
    public Task<CheckResult> Check(Action<WebApplication, ITickets> map) => ReportCard.Record(1, () => null, RunAsync(map, async run =>
    {
        var db = await TicketDb.CreateForCheckAsync("check-07-q1");
        var server = await run.StartServerAsync(app => map(app, new ReferenceTickets.SqlTickets(db)));
        var api = new ApiCalls(run, server.Client, server);

        var created = await api.PostAsync("/events", """{"name":"Concert","seats":3}""");
        run.Step($"POST /events {{\"name\":\"Concert\",\"seats\":3}} → {created.Status} {ApiCalls.Short(created.Body)}");
        if (created.Status != 201 || ApiCalls.AsEvent(created) is not { Id: > 0, Name: "Concert", Seats: 3, Booked: 0 } concert)
            return run.Wrong($"Creating an event answered {created.Status} {Shown.Value(created.Body)}; expected 201 Created with the stored event, like `{{\"id\":1,\"name\":\"Concert\",\"seats\":3,\"booked\":0}}`.");
        var list = await api.GetAsync("/events");
        if (list.Status != 200 || ApiCalls.AsEvents(list) is not { } events || !events.Any(e => e.Id == concert.Id))
            return run.Wrong($"`GET /events` answered {list.Status} {Shown.Value(list.Body)}; expected 200 and a JSON array with the event just created.");
        run.Step($"GET /events → {events.Count} event(s)");

        foreach (var (json, fields) in new[] { ("""{"name":"","seats":0}""", new[] { "name", "seats" }), ("""{"seats":5}""", ["name"]), ("""{"name":"Gig","seats":20000}""", ["seats"]) })
        {
            var bad = await api.PostAsync("/events", json);
            run.Step($"POST /events {json} → {bad.Status}");
            if (bad.Status is >= 200 and < 300) return run.Wrong($"`POST /events` with `{json}` answered {bad.Status}: the event was accepted. Check every field at the boundary: a name of 1 to {Tickets.MaxNameLength} characters, 1 to {Tickets.MaxSeats:N0} seats.");
            if (bad.Status != 400 || ApiCalls.ErrorFields(bad) is not { } errors)
                return run.Wrong($"`POST /events` with `{json}` answered {bad.Status} {Shown.Value(bad.Body)}; expected 400 with problem details naming each bad field: `Results.ValidationProblem(errors)`.");
            if (fields.FirstOrDefault(f => !errors.Contains(f)) is { } missing)
                return run.Wrong($"`POST /events` with `{json}` answered 400, but its `errors` name {Shown.Value(errors.Order().ToArray())}, not `{missing}`. Name the field the client got wrong.");
        }

        var sneaky = await api.PostAsync("/events", """{"name":"Sneaky","seats":5,"booked":5,"id":7777}""");
        run.Step($"POST /events with \"booked\":5 and \"id\":7777 → {sneaky.Status} {ApiCalls.Short(sneaky.Body)}");
        if (sneaky.Status != 201 || ApiCalls.AsEvent(sneaky) is not { } stored || stored.Booked != 0 || stored.Id == 7777)
            return run.Wrong($"A client sent `\"booked\":5,\"id\":7777` with a new event and got {sneaky.Status} {Shown.Value(sneaky.Body)}. Those fields are not the client's to set: bind only `NewEvent` (name, seats) and answer what the store created.");

        var padded = "{\"name\":\"Big\",\"seats\":5,\"note\":\"" + new string('x', Tickets.MaxBodyBytes * 4) + "\"}";
        var big = await api.PostAsync("/events", padded);
        run.Step($"POST /events with a {padded.Length:N0}-byte body → {big.Status}");
        if (big.Status != 413)
            return run.Wrong($"A {padded.Length:N0}-byte body to `POST /events` answered {big.Status}; expected 413: refuse bodies over `Tickets.MaxBodyBytes` ({Tickets.MaxBodyBytes:N0} bytes) before reading them, with `[RequestSizeLimit(Tickets.MaxBodyBytes)]` on the handler.");

        var missingEvent = await api.GetAsync("/events/999999");
        var missingBooking = await api.PostAsync("/events/999999/bookings", """{"seats":1}""");
        run.Step($"GET /events/999999 → {missingEvent.Status}; POST /events/999999/bookings → {missingBooking.Status}");
        if (missingEvent.Status != 404) return run.Wrong($"`GET /events/999999` (no such event) answered {missingEvent.Status}; expected 404.");
        if (missingBooking.Status != 404)
            return run.Wrong($"Booking event 999999, which does not exist, answered {missingBooking.Status}; expected 404. Find the event first (`FindEventAsync`) and answer `Results.NotFound()` when it is null." +
                (missingBooking.Status == 409 ? " (409 says \"sold out\", which misleads the client: there is no event at all.)" : ""));

        var path = $"/events/{concert.Id}/bookings";
        foreach (var json in new[] { """{"seats":0}""", """{"seats":11}""", "{}" })
        {
            var bad = await api.PostAsync(path, json);
            run.Step($"POST {path} {json} → {bad.Status}");
            if (bad.Status != 400 || ApiCalls.ErrorFields(bad)?.Contains("seats") != true)
                return run.Wrong($"Booking with `{json}` answered {bad.Status} {Shown.Value(bad.Body)}; expected 400 with problem details naming `seats` (1 to {Tickets.MaxSeatsPerBooking} per booking).");
        }
        var first = await api.PostAsync(path, """{"seats":2}""");
        var second = await api.PostAsync(path, """{"seats":2}""");
        var after = ApiCalls.AsEvent(await api.GetAsync($"/events/{concert.Id}"));
        run.Step($"2 seats, then 2 more, of 3 → {first.Status}, {second.Status}; the event now has {after?.Booked} booked");
        if (first.Status != 200) return run.Wrong($"Booking 2 of 3 free seats answered {first.Status} {Shown.Value(first.Body)}; expected 200.");
        if (second.Status != 409) return run.Wrong($"Booking 2 more seats when 1 is left answered {second.Status}; expected 409 Conflict (the request was fine, the seats are gone): `Results.Problem(…, statusCode: 409)`.");
        if (after?.Booked != 2) return run.Wrong($"After one booking of 2 seats, `GET /events/{concert.Id}` says {after?.Booked} booked; expected 2.");
        return run.Correct("The API answers every request at its boundary as it should: 201, 200, 400 with field errors, 404, 409, 413, and fields a client may not set are ignored.");
    }));
}
