namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// What the capstone's API needs from its storage (lesson 7): the API (step 1) calls it, the SQLite store (step 2)
/// implements it, and steps 3 and 4 make its booking safe.
/// </summary>
public interface ITickets
{
    /// <summary>Stores a new event with nothing booked and returns it, with its id.</summary>
    Task<Event> CreateEventAsync(string name, int seats);

    /// <summary>Every event, oldest first.</summary>
    Task<List<Event>> ListEventsAsync();

    /// <summary>The event with this id, or null.</summary>
    Task<Event?> FindEventAsync(long id);

    /// <summary>
    /// Books <paramref name="seats"/> seats of an existing event: true when booked, false when not enough are left.
    /// <paramref name="key"/> is the client's <c>Idempotency-Key</c> (null when it sent none): a retry with the same key must
    /// not book again (step 4).
    /// </summary>
    Task<bool> BookAsync(long eventId, int seats, string? key);
}
