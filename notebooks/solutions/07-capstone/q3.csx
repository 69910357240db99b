// The check is part of the write: the UPDATE changes one row only if the seats are still free.
Func<TicketDb, long, int, Task<bool>> Book = async (db, eventId, seats) =>
    await db.ExecuteAsync("UPDATE events SET booked = booked + $seats WHERE id = $eventId AND booked + $seats <= seats",
        new { eventId, seats }) == 1;
await Lesson07.Q3.Check(Book)
