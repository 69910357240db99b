// Book once, then charge: `await` gives the thread back to the pool while the provider takes its 100 ms.
Func<TicketDb, long, int, string?, Task<bool>> BookAndCharge = async (db, eventId, seats, key) =>
{
    var booked = await BookOnce(db, eventId, seats, key);
    if (booked) await Payments.ChargeAsync(eventId, seats);   // a sold-out booking charges nothing
    return booked;
};
await Lesson07.Q6.Check(BookAndCharge)
