using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Capstone step 5: stateless instances behind a real proxy. Two instances of your service (each built by one call of
/// <c>service</c>, so anything it creates is that instance's own memory) run behind YARP on one database file that already
/// holds yesterday's event. Clients book with idempotency keys; midway the check stops instance A. No booking may be lost
/// or duplicated (the file against the 200s), errors may only be requests in flight while A stopped, and yesterday's data
/// must still be there. In a notebook: <c>await Lesson07.Q5.Check(Service)</c>.
/// </summary>
public sealed class StatelessExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>How many bookings (keys) the load sends. Default: 300.</summary>
    public int Bookings { get; init; } = 300;

    /// <summary>The event's seats: fewer than <see cref="Bookings"/>, so it sells out during the run. Default: 240.</summary>
    public int Seats { get; init; } = 240;

    /// <summary>Clients booking at once. Default: 8.</summary>
    public int Users { get; init; } = 8;

    /// <summary>What the last check counted (null before the load ran).</summary>
    public StatelessCount? Last { get; private set; }

    /// <summary>Runs the two instances, the load and the stop. Never throws.</summary>
    public Task<CheckResult> Check(Action<WebApplication, TicketDb> service) => ReportCard.Record(5, () => Last is { } c ? new StepNumbers("seats in the file (required: the keys answered 200)", c.InFile, c.Ok) : null, RunAsync(service, async run =>
    {
        Last = null;
        var db = await TicketDb.CreateForCheckAsync("check-07-q5");
        var yesterday = await db.ScalarAsync<long>("INSERT INTO events (name, seats, booked) VALUES ('Yesterday', 10, 3) RETURNING id");
        await db.ExecuteAsync("INSERT INTO bookings (key, event_id, seats, ok) VALUES ('yesterday', $yesterday, 3, 1)", new { yesterday });
        var cluster = await run.StartAsync(() => L05State.Cluster.StartAsync($"check {Id}", instances: 2, app => service(app, db)));
        var client = cluster.NewClient();
        var api = new ApiCalls(run, client);
        var created = await api.PostAsync("/events", $$"""{"name":"Rolling","seats":{{Seats}}}""");
        var id = ApiCalls.AsEvent(created)?.Id ?? throw new CheckStop(run.Wrong($"Creating an event through the proxy answered {created.Status} {Shown.Value(created.Body)}."));
        run.Step($"Two instances (A, B) behind YARP on {Path.GetFileName(db.Path)}, which already held \"Yesterday\" (3 of 10 booked); created \"Rolling\" ({Seats} seats)");

        var load = await BookingRun.RunAsync(client, $"/events/{id}/bookings", Bookings, Users, () => cluster.StopInstanceAsync("A"), TimeSpan.FromSeconds(20));
        var count = StatelessCount.Of(load, Seats, await db.ScalarAsync<int>("SELECT booked FROM events WHERE id = $id", new { id }),
            await db.ScalarAsync<int>("SELECT COUNT(*) FROM bookings WHERE event_id = $id AND ok = 1", new { id }));
        Last = count;
        run.Step($"{load.Attempts.Count} requests for {Bookings} keys by {Users} clients in {Durations.Format(load.Elapsed)}; instance A stopped at {Durations.Format(load.Midway.Start)} (took {Durations.Format(load.Midway.End - load.Midway.Start)}); " +
                 $"B answered {cluster["B"].Requests}, A {cluster["A"].Requests}");
        run.Step($"Answered 200: {count.Ok} keys; 409: {count.Conflicts}; seats in the file: {count.InFile} of {Seats}; keys in `bookings`: {count.KeysInFile}; errors: {count.Errors} (requests in flight while A stopped: {count.InFlightDuringStop})");
        foreach (var e in load.Attempts.Where(a => a.Failed).OrderBy(a => a.Start).Take(12))
            run.Step($"  error: key {e.Key[..8]}… try {e.Attempt} at {Durations.Format(e.Start)}: {e.Cause}" + (load.Final.GetValueOrDefault(e.Key) is var f and (200 or 409) ? $"; its retry got {f}" : ""));

        var yesterdayNow = (await db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events WHERE id = $yesterday", new { yesterday })).FirstOrDefault();
        if (yesterdayNow?.Booked != 3)
            return run.Wrong($"Yesterday's event (3 of 10 booked, stored before your instances started) is {(yesterdayNow is null ? "gone from the file" : $"now {yesterdayNow.Booked} booked")}: an instance emptied the database when it started. With many instances every start (a deploy, a restart after a crash, scaling out) would wipe what the others stored. An instance only opens the shared store; it never deletes or re-creates its data.");
        if (load.Attempts.FirstOrDefault(a => a.Failed && a.Instance is not null) is { } broken)
            return run.Wrong($"Instance {broken.Instance} answered a booking with {broken.Cause}: your service failed, not the stop.");
        if (count.Unanswered > 0)
            return run.Wrong($"{count.Unanswered} keys got no answer in 3 tries: after A stopped, B should have answered them.");
        if (count.ErrorsOutsideStop is > 0 and var outside)
            return run.Wrong($"{outside} requests failed while no instance was stopping; only requests in flight while A stopped may fail.");
        if (count.InFile > Seats || count.Ok > Seats)
            return run.Wrong($"{count.Ok} keys answered 200 and the file says {count.InFile} seats are booked, for {Seats} seats: overbooked. Each instance counted seats in its own memory, so each sold them all: state kept in the instance. Let the shared database decide (step 3's conditional `UPDATE`).");
        if (count.InFile > count.Ok)
            return run.Wrong($"{count.Ok} keys answered 200, but the file says {count.InFile} seats are booked: {count.InFile - count.Ok} booked twice. A key sent again reached the other instance, which did not know it: the idempotency keys were kept in the instance's memory. Keep them in the shared file, in the same transaction as the booking (step 4).");
        if (count.InFile < count.Ok)
            return run.Wrong($"{count.Ok} keys answered 200, but the file says only {count.InFile} seats are booked: {count.Ok - count.InFile} bookings were lost. They were kept in the instance's memory, which ends with the instance: write each booking to the shared file before answering 200.");
        if (load.Repeats.FirstOrDefault(r => r.Again != r.First) is { Key: not null } changed)
            return run.Wrong($"Key {changed.Key[..8]}… was answered {changed.First}, then {changed.Again} when sent again: a retry must get the first answer (the other instance must find the key in the shared file).");
        if (count.Conflicts > 0 && count.InFile < Seats)
            return run.Wrong($"{count.Conflicts} bookings answered 409 while the file says only {count.InFile} of {Seats} seats are booked: an instance counted the seats in its own memory.");
        return run.Correct($"Two instances, one stopped midway: {count.Ok} bookings answered 200 and the file holds exactly {count.InFile} seats; {count.Errors} request(s) failed, all in flight while A stopped, and each retry with its key booked once.");
    }, TimeSpan.FromSeconds(10)));
}

/// <summary>What step 5's check counted (lesson 7).</summary>
/// <param name="Keys">Bookings sent (one key each).</param>
/// <param name="Requests">Requests sent, retries and repeats included.</param>
/// <param name="Ok">Keys answered 200.</param>
/// <param name="Conflicts">Keys answered 409 (sold out).</param>
/// <param name="Unanswered">Keys with no answer from the service after 3 tries.</param>
/// <param name="InFile">Seats booked, read from the file afterwards.</param>
/// <param name="KeysInFile">Rows in the file's <c>bookings</c> table for the event that booked.</param>
/// <param name="Errors">Requests that failed (no answer, or an error from the proxy).</param>
/// <param name="ErrorsOutsideStop">Of those, the ones not in flight while instance A stopped.</param>
/// <param name="InFlightDuringStop">Requests in flight at some moment while instance A stopped.</param>
public sealed record StatelessCount(int Keys, int Requests, int Ok, int Conflicts, int Unanswered, int InFile, int KeysInFile, int Errors, int ErrorsOutsideStop, int InFlightDuringStop)
{
    internal static StatelessCount Of(BookingRun load, int seats, int inFile, int keysInFile)
    {
        var (stopStart, stopEnd) = load.Midway;
        bool During(BookingAttempt a) => a.Start <= stopEnd && a.End >= stopStart;
        var errors = load.Attempts.Where(a => a.Failed && a.Instance is null).ToList();
        return new(load.Final.Count, load.Attempts.Count, load.Final.Values.Count(s => s == 200), load.Final.Values.Count(s => s == 409),
            load.Final.Values.Count(s => s is not (200 or 409)), inFile, keysInFile, errors.Count, errors.Count(a => !During(a)), load.Attempts.Count(During));
    }
}
