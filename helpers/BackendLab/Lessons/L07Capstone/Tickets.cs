using System.Net.Http;
using System.Net.Http.Json;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>The capstone's rules and how to put its pieces together (lesson 7).</summary>
public static class Tickets
{
    /// <summary>The longest event name: 100 characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The most seats an event may have: 10,000.</summary>
    public const int MaxSeats = 10_000;

    /// <summary>The most seats one booking may take: 10.</summary>
    public const int MaxSeatsPerBooking = 10;

    /// <summary>The largest request body the API accepts: 1,024 bytes (a larger one is refused with 413).</summary>
    public const int MaxBodyBytes = 1024;

    /// <summary>The header a client sends to make a booking safe to retry.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// A store that books with <paramref name="book"/>: events through <paramref name="events"/> (e.g. your step 2 store),
    /// each booking through your step 4 function (<c>BookOnce</c>).
    /// </summary>
    public static ITickets With(ITickets events, Func<TicketDb, long, int, string?, Task<bool>> book, TicketDb db) =>
        new Composed(events, (id, seats, key) => book(db, id, seats, key));

    /// <summary>
    /// Your whole service, one instance of it: <paramref name="api"/> (step 1) over <paramref name="store"/> (step 2),
    /// booking with <paramref name="book"/> (step 4). What steps 5 and 6 check.
    /// </summary>
    public static Action<Microsoft.AspNetCore.Builder.WebApplication, TicketDb> Service(
        Action<Microsoft.AspNetCore.Builder.WebApplication, ITickets> api,
        Func<TicketDb, ITickets> store,
        Func<TicketDb, long, int, string?, Task<bool>> book) =>
        (app, db) => api(app, With(store(db), book, db));

    /// <summary>Creates an event through an API and returns its id.</summary>
    internal static async Task<long> CreateEventAsync(HttpClient client, string name, int seats)
    {
        using var response = await client.PostAsJsonAsync("/events", new { name, seats });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<Event>() ?? throw new InvalidOperationException("POST /events answered no event.");
        return created.Id;
    }

    sealed class Composed(ITickets events, Func<long, int, string?, Task<bool>> book) : ITickets
    {
        public Task<Event> CreateEventAsync(string name, int seats) => events.CreateEventAsync(name, seats);
        public Task<List<Event>> ListEventsAsync() => events.ListEventsAsync();
        public Task<Event?> FindEventAsync(long id) => events.FindEventAsync(id);
        public Task<bool> BookAsync(long eventId, int seats, string? key) => book(eventId, seats, key);
    }
}
