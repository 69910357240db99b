using System.Net.Http;
using System.Text;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Capstone step 4: retries are safe. Your booking function gets the client's <c>Idempotency-Key</c>. The check books
/// with keys, "loses" each response and retries it; then sends two copies of a booking at the same moment (a client
/// that gave up waiting and retried while the first was still running); then compares the seats booked in the file with
/// the keys that succeeded: no seat may be booked twice. In a notebook: <c>await Lesson07.Q4.Check(BookOnce)</c>.
/// </summary>
public sealed class RetryExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>How many bookings each round sends (each retried once). Default: 10.</summary>
    public int Bookings { get; init; } = 10;

    /// <summary>What the last check counted, when it was correct (null otherwise): requests sent, distinct keys, seats booked in the file.</summary>
    public (int Requests, int Keys, int InFile)? Last { get; private set; }

    /// <summary>Runs the rounds. Never throws.</summary>
    public Task<CheckResult> Check(Func<TicketDb, long, int, string?, Task<bool>> bookOnce) => ReportCard.Record(4, () => Last is { } c ? new StepNumbers("seats booked for distinct keys", c.InFile, c.Keys) : null, RunAsync(bookOnce, async run =>
    {
        run.EveryEndpointIsTheLearners = false; // BackendLab's API hosts the learner's function
        Last = null;
        var db = await TicketDb.CreateForCheckAsync("check-07-q4");
        var server = await run.StartServerAsync(app => ReferenceTickets.MapTickets(app, Tickets.With(new ReferenceTickets.SqlTickets(db), bookOnce, db)));
        var api = new ApiCalls(run, server.Client, server);
        var created = await api.PostAsync("/events", """{"name":"Retries","seats":100}""");
        var id = ApiCalls.AsEvent(created)?.Id ?? throw new CheckStop(run.Wrong($"Creating an event answered {created.Status}."));
        var path = $"/events/{id}/bookings";
        Task<int> BookedAsync() => db.ScalarAsync<int>("SELECT booked FROM events WHERE id = $id", new { id });

        var plain = await api.PostAsync(path, """{"seats":1}""");
        run.Step($"A booking with no key → {plain.Status}");
        if (plain.Status != 200) return run.Wrong($"A booking without an `Idempotency-Key` answered {plain.Status} {Shown.Value(plain.Body)}; with no key (`key` is null), book as in step 3.");

        var before = await BookedAsync();
        for (var i = 0; i < Bookings; i++)
        {
            var key = $"lost-{Guid.NewGuid():N}";
            var first = await api.PostAsync(path, """{"seats":1}""", key);
            var retry = await api.PostAsync(path, """{"seats":1}""", key);   // the first response was "lost"
            if (first.Status != 200 || retry.Status != 200)
                return run.Wrong($"A booking with key `{key}` answered {first.Status}, and its retry {retry.Status}; expected 200 both times: a retry gets the answer the first request got.");
        }
        var afterRetries = await BookedAsync() - before;
        run.Step($"{Bookings} bookings with a key, each retried after its response was lost: all 200; seats booked: {afterRetries}");
        if (afterRetries != Bookings)
            return run.Wrong($"{Bookings} bookings, each sent twice with the same key, booked {afterRetries} seats: the retry booked again. Remember each key (the `bookings` table: key, event_id, seats, ok) and answer a known key with what it got the first time.");

        before = await BookedAsync();
        var statuses = new List<int>();
        for (var i = 0; i < Bookings; i++)
        {
            var key = $"twice-{Guid.NewGuid():N}";
            var copies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => server.Client.SendAsync(Booking(path, key))));
            statuses.AddRange(copies.Select(c => (int)c.StatusCode));
            foreach (var c in copies) c.Dispose();
        }
        var afterCopies = await BookedAsync() - before;
        var wrongStatuses = statuses.Where(s => s != 200).GroupBy(s => s).Select(g => $"{g.Count()} × {g.Key}").ToList();
        run.Step($"{Bookings} bookings sent as two copies at the same moment: {(wrongStatuses.Count == 0 ? "all 200" : string.Join(", ", wrongStatuses) + ", the rest 200")}; seats booked: {afterCopies}");
        if (afterCopies > Bookings)
            return run.Wrong($"{Bookings} bookings, each sent as two copies at the same moment, booked {afterCopies} seats. Both copies looked for the key before either had stored it, so both booked: the key was stored after the booking. Look up the key, book and store the key in ONE transaction (`db.TransactionAsync(async tx => …)`), so the second copy waits and then finds the key.");
        if (afterCopies < Bookings || wrongStatuses.Count > 0)
            return run.Wrong($"{Bookings} bookings, each sent as two copies at once, booked {afterCopies} seats and answered {string.Join(", ", wrongStatuses)}; expected {Bookings} seats and every copy 200 (the second copy answers what the first got). A duplicate key in `INSERT` throws: look the key up first, inside the same transaction.");
        Last = (1 + Bookings * 4, 1 + Bookings * 2, await BookedAsync());
        return run.Correct($"{Bookings * 4} keyed requests ({Bookings * 2} keys, each sent twice) booked {Bookings * 2} seats: no retry booked twice.");
    }));

    static HttpRequestMessage Booking(string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("""{"seats":1}""", Encoding.UTF8, "application/json") };
        request.Headers.Add(Tickets.IdempotencyKeyHeader, key);
        return request;
    }
}
