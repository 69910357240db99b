namespace BackendLab.Lessons.L07Capstone;

/// <summary>An event as stored and as the API answers it: <c>booked</c> of its <c>seats</c> are taken (lesson 7).</summary>
/// <param name="Id">Its id, given by the database.</param>
/// <param name="Name">What it is called.</param>
/// <param name="Seats">How many seats it has.</param>
/// <param name="Booked">How many are booked.</param>
public sealed record Event(long Id, string Name, int Seats, int Booked);

/// <summary>What a client may send to create an event (<c>POST /events</c>): nothing else is bound (lesson 7).</summary>
/// <param name="Name">Required, 1 to <see cref="Tickets.MaxNameLength"/> characters.</param>
/// <param name="Seats">Required, 1 to <see cref="Tickets.MaxSeats"/>.</param>
public sealed record NewEvent(string? Name, int? Seats);

/// <summary>What a client may send to book (<c>POST /events/{id}/bookings</c>) (lesson 7).</summary>
/// <param name="Seats">Required, 1 to <see cref="Tickets.MaxSeatsPerBooking"/>.</param>
public sealed record NewBooking(int? Seats);
