// The key's lookup, the booking and the key's insert in ONE transaction: a second copy waits, then finds the key.
Func<TicketDb, long, int, string?, Task<bool>> BookOnce = (db, eventId, seats, key) => db.TransactionAsync(async tx =>
{
    if (key is not null && await tx.ScalarAsync<long?>("SELECT ok FROM bookings WHERE key = $key", new { key }) is { } earlier)
        return earlier == 1;                                        // a retry: answer what the first request got
    var ok = await tx.ExecuteAsync("UPDATE events SET booked = booked + $seats WHERE id = $eventId AND booked + $seats <= seats",
        new { eventId, seats }) == 1;
    if (key is not null)
        await tx.ExecuteAsync("INSERT INTO bookings (key, event_id, seats, ok) VALUES ($key, $eventId, $seats, $ok)", new { key, eventId, seats, ok });
    return ok;
});
await Lesson07.Q4.Check(BookOnce)
