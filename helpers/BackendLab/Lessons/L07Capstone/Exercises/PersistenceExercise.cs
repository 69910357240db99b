namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Capstone step 2: data that outlives the process. Your <see cref="ITickets"/> keeps events and bookings in the
/// <see cref="TicketDb"/> file. The check runs BackendLab's API over your store, creates and books, stops the server,
/// starts a new one with a new store over the same file, and reads the file itself: nothing may be lost.
/// In a notebook: <c>await Lesson07.Q2.Check(db =&gt; new SqlTickets(db))</c>.
/// </summary>
public sealed class PersistenceExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>Creates events and books through your store, restarts, and compares. Never throws.</summary>
    public Task<CheckResult> Check(Func<TicketDb, ITickets> store) => ReportCard.Record(2, () => null, RunAsync(store, async run =>
    {
        var db = await TicketDb.CreateForCheckAsync("check-07-q2");
        var first = await run.StartServerAsync(app => ReferenceTickets.MapTickets(app, store(db)));
        var api = new ApiCalls(run, first.Client, first);
        var concert = await api.PostAsync("/events", """{"name":"Concert","seats":3}""");
        var talk = await api.PostAsync("/events", """{"name":"Talk","seats":40}""");
        if (ApiCalls.AsEvent(concert) is not { Id: > 0 } c || ApiCalls.AsEvent(talk) is not { Id: > 0 } t || c.Id == t.Id)
            return run.Wrong($"Creating two events answered {Shown.Value(concert.Body)} and {Shown.Value(talk.Body)}; expected each with its own id from the database (`INSERT … RETURNING id`).");
        var booked = await api.PostAsync($"/events/{c.Id}/bookings", """{"seats":2}""");
        var soldOut = await api.PostAsync($"/events/{c.Id}/bookings", """{"seats":2}""");
        run.Step($"Instance 1: created \"Concert\" (3 seats, id {c.Id}) and \"Talk\" (40 seats, id {t.Id}); booked 2 of Concert → {booked.Status}, 2 more → {soldOut.Status}");
        if (booked.Status != 200 || soldOut.Status != 409)
            return run.Wrong($"Booking 2 of 3 seats answered {booked.Status}, then 2 more answered {soldOut.Status}; expected 200, then 409. `BookAsync` returns true when booked, false when not enough seats are left.");
        var listed = ApiCalls.AsEvents(await api.GetAsync("/events"));
        if (listed?.Select(e => (e.Name, e.Booked)).SequenceEqual([("Concert", 2), ("Talk", 0)]) != true)
            return run.Wrong($"Before any restart, `GET /events` answered {Shown.Value(listed?.Select(e => $"{e.Name}: {e.Booked} booked"))}; expected Concert with 2 booked, then Talk with 0, oldest first.");
        var inFileBefore = await db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events ORDER BY id");

        await first.StopAsync();
        run.Step("— server stopped; a new one starts with a new store over the same file —");
        var reopened = await TicketDb.OpenAsync(db.Path);
        var second = await run.StartServerAsync(app => ReferenceTickets.MapTickets(app, store(reopened)));
        var after = ApiCalls.AsEvents(await new ApiCalls(run, second.Client, second).GetAsync("/events"));
        var inFile = await db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events ORDER BY id");
        run.Step($"Instance 2: GET /events → {Shown.Value(after?.Select(e => $"{e.Name}: {e.Booked} booked"))}; the file holds {Shown.Value(inFile.Select(e => $"{e.Name}: {e.Booked} booked"))}");

        if (inFileBefore.Count == 0)
            return run.Wrong("Your store answered correctly, but the database file holds no events: they live in the store object (or a variable), and a real restart ends the process and its memory. Write them with `db.ScalarAsync(\"INSERT INTO events … RETURNING id\", …)` and read them with `db.QueryAsync<Event>(\"SELECT …\")`.");
        if (inFile.Count < inFileBefore.Count)
            return run.Wrong($"The file held {inFileBefore.Count} events before the restart and {inFile.Count} after: starting your store deleted them. Never empty the tables when a store starts (`TicketDb` already creates them if they are missing).");
        if (inFileBefore.FirstOrDefault(e => e.Id == c.Id)?.Booked != 2)
            return run.Wrong($"The booking answered 200, but the file says {inFileBefore.FirstOrDefault(e => e.Id == c.Id)?.Booked} seats of Concert are booked: the booking never reached the database. `BookAsync` must update `events.booked`.");
        if (after?.Select(e => (e.Name, e.Booked)).SequenceEqual([("Concert", 2), ("Talk", 0)]) != true)
            return run.Wrong($"After the restart `GET /events` answered {Shown.Value(after?.Select(e => $"{e.Name}: {e.Booked} booked"))}, though the file holds {Shown.Value(inFile.Select(e => $"{e.Name}: {e.Booked} booked"))}: read the list from the database, not from memory.");
        return run.Correct($"Both events and the booking survived a restart: {inFile.Count} events in {Path.GetFileName(db.Path)}.");
    }));
}
