namespace BackendLab.Tests.Lessons.L07Capstone;

/// <summary>
/// Capstone step 6: the awaited charge meets the target calibrated on the reference; a blocking charge (the SDK's
/// blocking call, sync-over-async) fails it, naming thread-pool starvation; the starter is not attempted. The load comes
/// from a separate process. The pool is grown first, as earlier notebook cells may have grown it, and its limits are back afterwards.
/// </summary>
[Collection("servers")]
public class SloExerciseTests
{
    [Fact]
    public async Task TheAwaitedChargeMeetsTheTarget()
    {
        var result = await Lesson07.Q6.Check(ReferenceTickets.BookAndCharge);
        Assert.True(result.IsCorrect, result.ToString());
        Assert.True(Lesson07.Q6.Last!.P99 <= Lesson07.Q6.Last.Target, result.ToString());
        Assert.NotEqual(Environment.ProcessId, Lesson07.Q6.Last.GeneratorProcessId);   // the load came from a separate process
        Assert.Contains("sent from process", result.ToString());
    }

    [Fact]
    public async Task TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson07.Q6.Check((_, _, _, _) => throw new NotImplementedException())).Outcome);

    [Fact]
    public async Task ABlockingChargeIsNamedStarvationEvenWhenThePoolWasGrown()
    {
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        ThreadPool.SetMinThreads(100, minIo);   // an earlier cell grew the pool
        try
        {
            var result = await Lesson07.Q6.Check(async (db, eventId, seats, key) =>
            {
                var ok = await ReferenceTickets.BookOnce(db, eventId, seats, key);
                if (ok) Payments.Charge(eventId, seats);   // the SDK's blocking call
                return ok;
            });
            Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
            Assert.Contains("Thread-pool starvation", result.Message);
            for (var waited = 0; waited < 5000 && MinWorkers() != 100; waited += 50) await Task.Delay(50);   // a starved pool is drained for 3 s first
            ThreadPool.GetMinThreads(out var minAfter, out _);
            ThreadPool.GetMaxThreads(out var maxAfter, out _);
            Assert.Equal((100, maxWorkers), (minAfter, maxAfter));
        }
        finally { ThreadPool.SetMinThreads(minWorkers, minIo); }
    }

    static int MinWorkers()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return workers;
    }

    [Fact]
    public async Task SyncOverAsyncIsNamedStarvation()
    {
        var result = await Lesson07.Q6.Check((db, eventId, seats, key) =>
        {
            var ok = ReferenceTickets.BookOnce(db, eventId, seats, key).Result;
            if (ok) Payments.ChargeAsync(eventId, seats).Wait();   // .Result / .Wait() on a delayed task
            return Task.FromResult(ok);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("Thread-pool starvation", result.Message);
        // Every thread waits for a timer's callback queued behind it: the probe's wait shows it, however short the queue looks.
        Assert.True(Lesson07.Q6.Last!.LongestWait >= 2 * Payments.Delay, result.ToString());
    }

    [Fact]
    public async Task SkippingTheChargeIsNamed()
    {
        var result = await Lesson07.Q6.Check(ReferenceTickets.BookOnce);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("were charged", result.Message);
    }
}
