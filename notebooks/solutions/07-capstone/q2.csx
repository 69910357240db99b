class SqlTickets(TicketDb db) : ITickets
{
    public async Task<Event> CreateEventAsync(string name, int seats) =>
        new(await db.ScalarAsync<long>("INSERT INTO events (name, seats) VALUES ($name, $seats) RETURNING id", new { name, seats }), name, seats, 0);

    public Task<List<Event>> ListEventsAsync() => db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events ORDER BY id");

    public async Task<Event?> FindEventAsync(long id) =>
        (await db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events WHERE id = $id", new { id })).FirstOrDefault();

    public async Task<bool> BookAsync(long eventId, int seats, string? key)
    {
        var e = await FindEventAsync(eventId);                       // a first version: step 3 makes it safe
        if (e is null || e.Booked + seats > e.Seats) return false;
        await db.ExecuteAsync("UPDATE events SET booked = booked + $seats WHERE id = $eventId", new { seats, eventId });
        return true;
    }
}
Func<TicketDb, ITickets> OpenStore = db => new SqlTickets(db);
await Lesson07.Q2.Check(OpenStore)
