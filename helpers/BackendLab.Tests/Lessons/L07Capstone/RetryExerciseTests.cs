namespace BackendLab.Tests.Lessons.L07Capstone;

/// <summary>Capstone step 4: the transaction passes; no key at all, and a key stored after the booking, fail, each named.</summary>
[Collection("servers")]
public class RetryExerciseTests
{
    [Fact]
    public async Task TheTransactionIsCorrect()
    {
        var result = await Lesson07.Q4.Check(ReferenceTickets.BookOnce);
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson07.Q4.Check((_, _, _, _) => throw new NotImplementedException())).Outcome);

    [Fact]
    public async Task IgnoringTheKeyIsNamed()
    {
        var result = await Lesson07.Q4.Check((db, id, seats, _) => ReferenceTickets.Book(db, id, seats));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("the retry booked again", result.Message);
    }

    [Fact]
    public async Task AKeyStoredAfterTheBookingIsNamed()
    {
        var result = await Lesson07.Q4.Check(async (db, eventId, seats, key) =>
        {
            if (key is null) return await ReferenceTickets.Book(db, eventId, seats);
            var earlier = await db.ScalarAsync<long?>("SELECT ok FROM bookings WHERE key = $key", new { key });
            if (earlier is not null) return earlier == 1;
            var ok = await ReferenceTickets.Book(db, eventId, seats);
            await Task.Delay(1);   // between the booking and storing its key
            await db.ExecuteAsync("INSERT OR REPLACE INTO bookings (key, event_id, seats, ok) VALUES ($key, $eventId, $seats, $ok)", new { key, eventId, seats, ok });
            return ok;
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("the key was stored after the booking", result.Message);
    }
}
