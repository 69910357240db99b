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

    /// <summary>Step 2: data that outlives the process. Check: <c>await Lesson07.Q2.Check(db =&gt; new SqlTickets(db))</c>.</summary>
    public static readonly PersistenceExercise Q2 = new("07-capstone/q2", "Data that outlives the process",
    [
        "Every method is one SQL statement on `db`; nothing is kept in fields. `TicketDb` made the tables: `events (id, name, seats, booked)`.",
        "Create: `var id = await db.ScalarAsync<long>(\"INSERT INTO events (name, seats) VALUES ($name, $seats) RETURNING id\", new { name, seats });`. List: `db.QueryAsync<Event>(\"SELECT id, name, seats, booked FROM events ORDER BY id\")`.",
        "Book (a first version; step 3 makes it safe): find the event, return false when `e.Booked + seats > e.Seats`, else `UPDATE events SET booked = booked + $seats WHERE id = $eventId` and return true.",
    ]);

    /// <summary>Step 3: no overbooking. Check: <c>await Lesson07.Q3.Check(Book)</c>.</summary>
    public static readonly OverbookingExercise Q3 = new("07-capstone/q3", "No overbooking",
    [
        "Reading `booked`, comparing, then writing is three steps; 200 requests (and another writer) run between them. The check has to be inside the write.",
        "`UPDATE events SET booked = booked + $seats WHERE id = $eventId AND booked + $seats <= seats` changes one row when the seats were free and none when they were not. `db.ExecuteAsync` returns that count.",
        "`async Task<bool> Book(TicketDb db, long eventId, int seats) => await db.ExecuteAsync(\"UPDATE events SET booked = booked + $seats WHERE id = $eventId AND booked + $seats <= seats\", new { eventId, seats }) == 1;`",
    ]);

    /// <summary>Step 4: retries are safe. Check: <c>await Lesson07.Q4.Check(BookOnce)</c>.</summary>
    public static readonly RetryExercise Q4 = new("07-capstone/q4", "Retries are safe",
    [
        "A retry carries the same `Idempotency-Key`. Keep each key with its result in the `bookings` table (`key, event_id, seats, ok`); a key seen before answers that result and books nothing.",
        "Two copies of a request can arrive at the same moment: both look for the key, neither finds it, both book. Do the lookup, the booking and the insert of the key in ONE transaction: `await db.TransactionAsync(async tx => { … })` (it holds the write lock from the start).",
        "Inside: `var earlier = await tx.ScalarAsync<long?>(\"SELECT ok FROM bookings WHERE key = $key\", new { key }); if (earlier is not null) return earlier == 1;` then the conditional `UPDATE` of step 3 through `tx`, then `INSERT INTO bookings (key, event_id, seats, ok) VALUES ($key, $eventId, $seats, $ok)`. With no key (`key is null`), just book.",
    ]);

    /// <summary>Step 5: stateless instances behind a real proxy. Check: <c>await Lesson07.Q5.Check(Service)</c>.</summary>
    public static readonly StatelessExercise Q5 = new("07-capstone/q5", "Stateless instances behind a proxy",
    [
        "One instance is your API (step 1) over your store (step 2), booking with your `BookOnce` (step 4): `Tickets.Service(MapTickets, OpenStore, BookOnce)` builds exactly that. The check calls it once per instance.",
        "Anything an instance creates (a dictionary of keys, a seat counter, a cache) is that instance's alone: the other instance never sees it, and it ends when the instance stops. Everything that must hold for the whole service lives in `db`, the shared file.",
        "An instance only opens the shared store: no `DELETE`, no `TicketDb.CreateAsync` (it empties the file) when an instance starts. `Action<WebApplication, TicketDb> Service = Tickets.Service(MapTickets, OpenStore, BookOnce);`",
    ]);

    /// <summary>Step 6: a service-level objective. Check: <c>await Lesson07.Q6.Check(BookAndCharge)</c>.</summary>
    public static readonly SloExercise Q6 = new("07-capstone/q6", "A service-level objective",
    [
        "Book first with your `BookOnce` (a sold-out event charges nothing), then charge: `Payments.ChargeAsync(eventId, seats)` is a 100 ms network call.",
        "A thread that waits 100 ms in `Thread.Sleep`, `Payments.Charge`, `.Result` or `.Wait()` serves nobody else meanwhile; at 240 bookings a second that is 24 threads busy doing nothing. `await` gives the thread back while the provider answers.",
        "`Func<TicketDb, long, int, string?, Task<bool>> BookAndCharge = async (db, eventId, seats, key) => { var ok = await BookOnce(db, eventId, seats, key); if (ok) await Payments.ChargeAsync(eventId, seats); return ok; };`",
    ]);
}
