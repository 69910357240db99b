using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Capstone step 6: a service-level objective. Your booking function (book, then charge the card through
/// <see cref="Payments"/>, 100 ms away) runs under BackendLab's API and store; an open-loop load offers bookings at a fixed
/// rate, three times what the thread pool could serve if every booking held a thread through the charge. The load is sent
/// from a separate process (<see cref="LoadOptions.InSeparateProcess"/>), so the generator shares neither the service's
/// capped thread pool nor its garbage collector: a starved pool delays the bookings, never the schedule that measures them.
/// The target p99 is calibrated right before on this machine: BackendLab's own <see cref="ReferenceTickets.BookAndCharge"/>,
/// run the same way. The check watches the thread pool under load and names starvation when it sees it.
/// In a notebook: <c>await Lesson07.Q6.Check(BookAndCharge)</c>.
/// </summary>
public sealed class SloExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>The measured phase of each run (the reference's, then yours). Default: 1.5 s, after a 0.3 s warm-up.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// The offered rate, in bookings per second: three times what the capped thread pool could serve if each booking blocked a
    /// thread for <see cref="Payments.Delay"/> (3 × 8 threads / 0.1 s = 240 per second on up to 8 cores).
    /// </summary>
    public static double Rate => 3.0 * ThreadPoolCap.Threads / Payments.Delay.TotalSeconds;

    /// <summary>
    /// The generator's connections, the cap on bookings in flight: 8 per pool thread (64 on up to 8 cores), well above the
    /// 3 per thread the reference has in flight at <see cref="Rate"/> (each takes 100 ms), so a hiccup of the machine only makes
    /// bookings late (their latency still counts from the schedule). It also bounds what a starved service has queued when the
    /// run ends: fewer bookings than the threads the pool is given to drain them, so a blocking solution's check ends in seconds.
    /// </summary>
    public static int Connections => 8 * ThreadPoolCap.Threads;

    /// <summary>
    /// The target: twice the reference's p99, or the reference's p99 plus 250 ms, whichever is larger (a busy machine's
    /// hiccups fit in it; a blocking booking's queue, which grows by seconds over the run, does not).
    /// </summary>
    public static TimeSpan TargetFor(TimeSpan referenceP99) => TimeSpan.FromTicks(Math.Max(referenceP99.Ticks * 2, (referenceP99 + TimeSpan.FromMilliseconds(250)).Ticks));

    /// <summary>What the last check measured (null before its load ran).</summary>
    public SloCount? Last { get; private set; }

    /// <summary>Calibrates on the reference, then measures yours. Never throws.</summary>
    public Task<CheckResult> Check(Func<TicketDb, long, int, string?, Task<bool>> bookAndCharge) => ReportCard.Record(6, () => Last is { } c ? new StepNumbers("p99 in ms (required: at most the target)", Math.Round(c.P99.TotalMilliseconds, 1), Math.Round(c.Target.TotalMilliseconds, 1)) : null, RunAsync(bookAndCharge, async run =>
    {
        run.EveryEndpointIsTheLearners = false; // BackendLab's API hosts the learner's function
        Last = null;
        var db = await TicketDb.CreateForCheckAsync("check-07-q6");
        var options = new LoadOptions
        {
            Rate = Rate, Concurrency = Connections, Duration = Duration, Warmup = TimeSpan.FromSeconds(0.3), MaxRequests = (long)(Rate * Duration.TotalSeconds) + 1,
            Timeout = TimeSpan.FromSeconds(2), Method = "POST", Body = """{"seats":1}""",
            InSeparateProcess = true,   // the generator keeps its schedule whatever this process's pool does
        };
        var mine = await PrepareAsync(run, db, bookAndCharge, "Yours", map => run.StartServerAsync(map));   // the starter stops here, before any load
        var generator = SeparateProcessLoad.StartGeneratorAsync();   // the load's own process starts while the reference is prepared
        var theirs = await PrepareAsync(run, db, ReferenceTickets.BookAndCharge, "Reference", map => run.StartAsync(() =>
            Servers.StartAsync($"check {Id} reference", map, new ServerOptions { StopTimeout = TimeSpan.FromSeconds(1) })));
        await generator;
        var reference = await MeasureAsync(run, theirs, options, "Reference");
        var target = TargetFor(reference.Load.P99);
        run.Step($"Target for yours: p99 ≤ {Durations.Format(target)}");
        var yours = await MeasureAsync(run, mine, options, "Yours");
        var count = new SloCount(Rate, target, reference.Load.P99, yours.Load.P99, yours.Load.Count, yours.Load.Errors, ThreadPoolCap.Threads,
            reference.Pool.MaxPending, yours.Pool.MaxThreads, yours.Pool.MaxPending, reference.Pool.LongestWait, yours.Pool.LongestWait, yours.Load.GeneratorProcessId);
        Last = count;

        // More work waiting than twice the threads that could take it, or work that waited twice a charge's time for a thread.
        var starved = yours.Pool.MaxPending >= 2 * ThreadPoolCap.Threads || yours.Pool.LongestWait >= 2 * Payments.Delay;
        var pool = $"the thread pool had up to {yours.Pool.MaxThreads} threads (capped at {ThreadPoolCap.Threads}), up to {yours.Pool.MaxPending:N0} work items waiting in its queue, " +
                   $"and work queued in it waited up to {Durations.Format(yours.Pool.LongestWait)} for a thread (the reference: {reference.Pool.MaxPending:N0} waiting, {Durations.Format(reference.Pool.LongestWait)})";
        if (yours.Load.P99 > target || yours.Load.Errors > 0)
            return run.Wrong($"At {Rate:N0} bookings per second {(yours.Load.NoneCompleted ? $"none of your {yours.Load.Count:N0} bookings was answered" : $"your p99 was {Durations.Format(yours.Load.P99)}")}{(yours.Load.Errors > 0 ? $" with {yours.Load.Errors:N0} errors{Kinds(yours.Load)}" : "")}; the target is {Durations.Format(target)} (the reference: {Durations.Format(reference.Load.P99)}). " +
                (starved
                    ? $"Thread-pool starvation: {pool}. Each booking held a thread for the whole {Durations.Format(Payments.Delay)} charge (a blocking call: `Payments.Charge`, `Thread.Sleep`, `.Result`, `.Wait()`), so requests waited for a free thread, not for the provider. `await Payments.ChargeAsync(…)` frees the thread while it waits."
                    : $"No starvation seen ({pool}): something on the booking path is slow. Is every wait awaited?"));
        var booked = await db.ScalarAsync<int>("SELECT booked FROM events WHERE id = $id", new { id = yours.EventId });
        if (Payments.ChargedFor(yours.EventId) - yours.ChargedBefore is var charged && charged != booked)
            return run.Wrong($"The file says {booked:N0} seats were booked under load, but {charged:N0} were charged: every booking that succeeds must `await Payments.ChargeAsync(eventId, seats)` (and a sold-out one charges nothing).");
        return run.Correct($"At {Rate:N0} bookings per second (open loop, sent from another process) your p99 was {Durations.Format(yours.Load.P99)}, under the target of {Durations.Format(target)} (the reference: {Durations.Format(reference.Load.P99)}); {pool}.");
    }));

    static string Kinds(LoadResult load) => load.Errors == 0 ? "" : $" ({load.ErrorKinds})";

    sealed record Measured(long EventId, int ChargedBefore, LoadResult Load, ThreadPoolWatch Pool);

    sealed record Prepared(RunningServer Server, long EventId, string Path, int ChargedBefore);

    // Starts a service over the file with its own event, and books once before any load (the starter ends the check here).
    static async Task<Prepared> PrepareAsync(CheckRun run, TicketDb db, Func<TicketDb, long, int, string?, Task<bool>> book, string name,
        Func<Action<WebApplication>, Task<RunningServer>> start)
    {
        var server = await start(app => ReferenceTickets.MapTickets(app, Tickets.With(new ReferenceTickets.SqlTickets(db), book, db)));
        var api = new ApiCalls(run, server.Client, server);
        var created = await api.PostAsync("/events", $$"""{"name":"{{name}}","seats":{{Tickets.MaxSeats}}}""");
        var id = ApiCalls.AsEvent(created)?.Id ?? throw new CheckStop(run.Wrong($"Creating an event answered {created.Status} {Shown.Value(created.Body)}."));
        var chargedBefore = Payments.ChargedFor(id);   // ids are reused once a check empties the file
        var one = await api.PostAsync($"/events/{id}/bookings", """{"seats":1}""");
        if (one.Status != 200) throw new CheckStop(run.Wrong($"One booking, before any load, answered {one.Status} {Shown.Value(one.Body)}; expected 200."));
        return new Prepared(server, id, $"/events/{id}/bookings", chargedBefore);
    }

    static async Task<Measured> MeasureAsync(CheckRun run, Prepared service, LoadOptions options, string name)
    {
        Measured measured;
        using (ThreadPoolCap.Apply(options.Warmup + options.Duration + options.Timeout))
        {
            var watch = ThreadPoolWatch.Start();
            var load = await Load.RunAsync(service.Server.Url + service.Path, options);
            measured = new Measured(service.EventId, service.ChargedBefore, load, watch.Stop());
        }
        run.Step($"{name}: {measured.Load.Count:N0} bookings at {options.Rate:N0} per second for {Durations.Format(options.Duration)}, sent from process {measured.Load.GeneratorProcessId}: p50 {measured.Load.Shown(measured.Load.P50)}, p99 {measured.Load.Shown(measured.Load.P99)}, {measured.Load.Errors:N0} errors{Kinds(measured.Load)}; " +
                 $"pool threads up to {measured.Pool.MaxThreads}, work items waiting up to {measured.Pool.MaxPending:N0}, waiting up to {Durations.Format(measured.Pool.LongestWait)} for a thread");
        return measured;
    }
}

/// <summary>What step 6's check measured (lesson 7).</summary>
/// <param name="Rate">Bookings offered per second.</param>
/// <param name="Target">The p99 yours had to stay under.</param>
/// <param name="ReferenceP99">The reference's p99, measured right before.</param>
/// <param name="P99">Yours.</param>
/// <param name="Requests">Requests measured in your run.</param>
/// <param name="Errors">Of those, errors (timeouts, dropped, non-2xx).</param>
/// <param name="PoolCap">The thread pool's cap during both runs.</param>
/// <param name="ReferencePending">The most work items waiting in the pool during the reference's run.</param>
/// <param name="MaxThreads">The most pool threads during your run.</param>
/// <param name="MaxPending">The most work items waiting in the pool during your run.</param>
/// <param name="ReferenceLongestWait">The longest a work item waited for a pool thread during the reference's run.</param>
/// <param name="LongestWait">The longest a work item waited for a pool thread during your run: starvation shows here first.</param>
/// <param name="GeneratorProcessId">The process that sent the load (not the notebook's: the load comes from a separate process).</param>
public sealed record SloCount(double Rate, TimeSpan Target, TimeSpan ReferenceP99, TimeSpan P99, long Requests, long Errors, int PoolCap, long ReferencePending, int MaxThreads, long MaxPending,
    TimeSpan ReferenceLongestWait, TimeSpan LongestWait, int GeneratorProcessId);
