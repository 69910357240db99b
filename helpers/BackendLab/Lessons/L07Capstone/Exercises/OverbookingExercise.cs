using System.Net.Http;
using System.Text;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Capstone step 3: no overbooking. Your booking function runs under BackendLab's API and store. First 100 bookings at
/// once for 20 seats; then 200 for 50 seats while another process (the lab server) books the same event with its own
/// connection. Exactly as many bookings may succeed as there are seats, the rest answer 409, and the file
/// must agree. In a notebook: <c>await Lesson07.Q3.Check(Book)</c>.
/// </summary>
public sealed class OverbookingExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>How many bookings of one seat are sent at once in the second round. Default: 200.</summary>
    public int Requests { get; init; } = 200;

    /// <summary>How many seats the second round's event has. Default: 50.</summary>
    public int Seats { get; init; } = 50;

    /// <summary>The most seats the other writer takes. Default: 20.</summary>
    public int OtherWriterMax { get; init; } = 20;

    /// <summary>What the last check counted in its second round (null when it stopped before): requests, 200s, 409s, the other writer's seats, seats booked in the file.</summary>
    public OverbookingCount? Last { get; private set; }

    /// <summary>Runs both rounds. Never throws.</summary>
    public Task<CheckResult> Check(Func<TicketDb, long, int, Task<bool>> book) => ReportCard.Record(3, () => Last is { } c ? new StepNumbers("seats sold (200s + the other process)", c.Ok + c.OtherWriter, c.Seats) : null, RunAsync(book, async run =>
    {
        run.EveryEndpointIsTheLearners = false; // BackendLab's API hosts the learner's function
        Last = null;
        var db = await TicketDb.CreateForCheckAsync("check-07-q3");
        var tickets = Tickets.With(new ReferenceTickets.SqlTickets(db), (d, id, seats, _) => book(d, id, seats), db);
        var server = await run.StartServerAsync(app => ReferenceTickets.MapTickets(app, tickets));
        var api = new ApiCalls(run, server.Client, server);

        var small = await CreateAsync(api, run, "Small", 3);
        var one = await api.PostAsync($"/events/{small}/bookings", """{"seats":2}""");
        var two = await api.PostAsync($"/events/{small}/bookings", """{"seats":2}""");
        run.Step($"2 of 3 seats → {one.Status}; 2 more → {two.Status}");
        if (one.Status != 200 || two.Status != 409)
            return run.Wrong($"One booking at a time: 2 of 3 seats answered {one.Status}, then 2 more answered {two.Status}; expected 200, then 409. Return true when booked, false when not enough seats are left.");

        var alone = await RoundAsync(run, server.Client, db, api, "Alone", requests: 100, seats: 20, otherWriter: 0);
        if (alone.Problem is { } race)
            return run.Wrong(race + " Between your read of `booked` and your write, other requests read the same value: a check-then-act race. Make the check part of the write: one `UPDATE … WHERE id = $eventId AND booked + $seats <= seats`, and look at how many rows it changed.");
        var shared = await RoundAsync(run, server.Client, db, api, "Shared", Requests, Seats, OtherWriterMax);
        Last = shared.Count;
        if (shared.Problem is { } lost)
            return run.Wrong(lost + " Alone, your bookings were right; with another process writing to the same file they are not. A `lock` or `SemaphoreSlim` only orders the requests of this process: the other writer is another process and never takes it. Let the database decide: one conditional `UPDATE`, or a transaction.");
        return run.Correct($"{shared.Count.Ok} of {Requests} simultaneous bookings succeeded and {shared.Count.Conflicts} got 409, while another process took {shared.Count.OtherWriter}: {shared.Count.Ok + shared.Count.OtherWriter} = {Seats} seats, and the file says {shared.Count.InFile}.");
    }));

    static async Task<long> CreateAsync(ApiCalls api, CheckRun run, string name, int seats)
    {
        var created = await api.PostAsync("/events", $$"""{"name":"{{name}}","seats":{{seats}}}""");
        return ApiCalls.AsEvent(created)?.Id ?? throw new CheckStop(run.Wrong($"Creating an event answered {created.Status} {Shown.Value(created.Body)}."));
    }

    static async Task<(OverbookingCount Count, string? Problem)> RoundAsync(CheckRun run, HttpClient client, TicketDb db, ApiCalls api, string name, int requests, int seats, int otherWriter)
    {
        var id = await CreateAsync(api, run, name, seats);
        var other = otherWriter > 0 ? await CompetingWriter.StartAsync(db, id, otherWriter) : null;
        var burst = await Burst.SendAsync(client, requests, _ => new HttpRequestMessage(HttpMethod.Post, $"/events/{id}/bookings")
        {
            Content = new StringContent("""{"seats":1}""", Encoding.UTF8, "application/json"),
        }, concurrency: 50);
        var byOther = other is null ? 0 : await other.FinishAsync();
        var inFile = await db.ScalarAsync<int>("SELECT booked FROM events WHERE id = $id", new { id });
        var count = new OverbookingCount(requests, seats, burst[System.Net.HttpStatusCode.OK], burst[System.Net.HttpStatusCode.Conflict], byOther, inFile);
        run.Step($"{requests} bookings of 1 seat at once for {seats} seats{(other is null ? "" : ", another process booking too")}: {burst}" +
                 (other is null ? "" : $"; the other writer (process {other.ProcessId}, not this one) booked {byOther}") + $"; the file says {inFile} booked");
        string? problem = null;
        if (count.Ok + count.Conflicts < requests)
            problem = $"{requests - count.Ok - count.Conflicts} of {requests} bookings answered neither 200 nor 409 ({burst}).";
        else if (count.Ok + byOther > seats)
            problem = $"{count.Ok} bookings answered 200{(other is null ? "" : $" and the other writer booked {byOther}")}: {count.Ok + byOther} seats sold of {seats}. Overbooked.";
        else if (inFile != count.Ok + byOther)
            problem = $"{count.Ok} bookings answered 200{(other is null ? "" : $" and the other writer booked {byOther}")}, but the file says {inFile} seats are booked: {count.Ok + byOther - inFile} writes were lost (a write computed from an old read erased another's).";
        else if (inFile < seats)
            problem = $"{count.Conflicts} bookings answered 409 while {seats - inFile} of {seats} seats were still free.";
        return (count, problem);
    }
}

/// <summary>What step 3's check counted in its second round (lesson 7).</summary>
/// <param name="Requests">Bookings of one seat sent at once.</param>
/// <param name="Seats">Seats the event had.</param>
/// <param name="Ok">Answered 200.</param>
/// <param name="Conflicts">Answered 409.</param>
/// <param name="OtherWriter">Seats the other writer booked meanwhile.</param>
/// <param name="InFile">Seats booked, read from the database file afterwards.</param>
public sealed record OverbookingCount(int Requests, int Seats, int Ok, int Conflicts, int OtherWriter, int InFile);
