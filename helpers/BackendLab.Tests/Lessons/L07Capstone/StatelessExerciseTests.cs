using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Tests.Lessons.L07Capstone;

/// <summary>
/// Capstone step 5: the reference service passes two instances behind YARP with one stopped midway; keys kept in an
/// instance's memory, seats counted in an instance's memory, and an instance that empties the file when it starts fail,
/// each named.
/// </summary>
[Collection("servers")]
public class StatelessExerciseTests
{
    [Fact]
    public async Task TheReferenceServiceIsCorrect()
    {
        var result = await Lesson07.Q5.Check(ReferenceTickets.Service);
        Assert.True(result.IsCorrect, result.ToString());
        var count = Lesson07.Q5.Last!;
        Assert.Equal(count.Ok, count.InFile);
        Assert.Equal(Lesson07.Q5.Seats, count.InFile);
        Assert.Equal(0, count.ErrorsOutsideStop);
        Assert.True(count.Errors <= count.InFlightDuringStop, result.ToString());
    }

    [Fact]
    public async Task TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson07.Q5.Check((_, _) => throw new NotImplementedException())).Outcome);

    [Fact]
    public async Task KeysKeptInTheInstanceAreNamed()
    {
        var result = await Lesson07.Q5.Check((app, db) =>
        {
            var seen = new ConcurrentDictionary<string, bool>();   // this instance's memory
            ReferenceTickets.MapTickets(app, Tickets.With(new ReferenceTickets.SqlTickets(db), async (d, id, seats, key) =>
            {
                if (key is not null && seen.TryGetValue(key, out var earlier)) return earlier;
                var ok = await ReferenceTickets.Book(d, id, seats);
                if (key is not null) seen[key] = ok;
                return ok;
            }, db));
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("the idempotency keys were kept in the instance's memory", result.Message);
    }

    [Fact]
    public async Task SeatsCountedInTheInstanceAreNamed()
    {
        var result = await Lesson07.Q5.Check((app, db) =>
        {
            var sold = new ConcurrentDictionary<long, int>();      // this instance's count of seats sold
            var store = new ReferenceTickets.SqlTickets(db);
            ReferenceTickets.MapTickets(app, Tickets.With(store, async (d, id, seats, key) =>
            {
                var e = await store.FindEventAsync(id);
                if (e is null || sold.AddOrUpdate(id, seats, (_, n) => n + seats) > e.Seats) return false;
                await d.ExecuteAsync("UPDATE events SET booked = booked + $seats WHERE id = $id", new { id, seats });
                return true;
            }, db));
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("state kept in the instance", result.Message);
    }

    [Fact]
    public async Task AnInstanceThatEmptiesTheFileWhenItStartsIsNamed()
    {
        var result = await Lesson07.Q5.Check((app, db) =>
        {
            db.ExecuteAsync("DELETE FROM bookings; DELETE FROM events").GetAwaiter().GetResult();   // "start clean"
            ReferenceTickets.Service(app, db);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("an instance emptied the database when it started", result.Message);
    }
}
