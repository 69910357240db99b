namespace BackendLab.Tests.Lessons.L07Capstone;

/// <summary>
/// Capstone step 3: the conditional UPDATE passes; a check-then-act race and an in-process lock (the other writer is another
/// process) fail, each named. The
/// mistakes yield between the check and the act (as a database on the network would), so they fail on one core too.
/// </summary>
[Collection("servers")]
public class OverbookingExerciseTests
{
    [Fact]
    public async Task TheConditionalUpdateIsCorrect()
    {
        var result = await Lesson07.Q3.Check(ReferenceTickets.Book);
        Assert.True(result.IsCorrect, result.ToString());
        Assert.Equal(Lesson07.Q3.Seats, Lesson07.Q3.Last!.Ok + Lesson07.Q3.Last.OtherWriter);
    }

    [Fact]
    public async Task TheOtherWriterIsAnotherProcessThatBooks()
    {
        var result = await Lesson07.Q3.Check(ReferenceTickets.Book);
        Assert.True(result.IsCorrect, result.ToString());
        var line = Assert.Single(result.Details!.Split('\n'), l => l.Contains("the other writer (process"));
        var pid = int.Parse(System.Text.RegularExpressions.Regex.Match(line, @"process (\d+)").Groups[1].Value);
        Assert.NotEqual(Environment.ProcessId, pid);
        Assert.True(Lesson07.Q3.Last!.OtherWriter > 0, line);
    }

    [Fact]
    public async Task TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson07.Q3.Check((_, _, _) => throw new NotImplementedException())).Outcome);

    static async Task<bool> CheckThenAct(TicketDb db, long eventId, int seats)
    {
        var e = (await db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events WHERE id = $eventId", new { eventId }))[0];
        if (e.Booked + seats > e.Seats) return false;
        await Task.Delay(1);   // between the check and the act
        await db.ExecuteAsync("UPDATE events SET booked = $booked WHERE id = $eventId", new { booked = e.Booked + seats, eventId });
        return true;
    }

    [Fact]
    public async Task ACheckThenActRaceIsNamed()
    {
        var result = await Lesson07.Q3.Check(CheckThenAct);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("check-then-act race", result.Message);
    }

    static readonly SemaphoreSlim Gate = new(1, 1);

    [Fact]
    public async Task AnInProcessLockIsNamed()
    {
        var result = await Lesson07.Q3.Check(async (db, eventId, seats) =>
        {
            await Gate.WaitAsync();
            try { return await CheckThenAct(db, eventId, seats); }
            finally { Gate.Release(); }
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("`SemaphoreSlim` only orders the requests of this process", result.Message);
    }

    [Fact]
    public async Task ARelativeUpdateWithoutTheConditionOverbooks()
    {
        var result = await Lesson07.Q3.Check(async (db, eventId, seats) =>
        {
            var e = (await db.QueryAsync<Event>("SELECT id, name, seats, booked FROM events WHERE id = $eventId", new { eventId }))[0];
            if (e.Booked + seats > e.Seats) return false;
            await Task.Delay(1);
            await db.ExecuteAsync("UPDATE events SET booked = booked + $seats WHERE id = $eventId", new { seats, eventId });
            return true;
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("Overbooked", result.Message);
    }
}
