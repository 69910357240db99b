using System.Globalization;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// Lesson 6's sentences about what a run showed, generated from its numbers (a <see cref="Reading"/>), where the lesson
/// must say what happened rather than check a statement that might not hold (that is <see cref="RuntimeClaims"/>' job).
/// Each method is a pure function of the numbers, with an overload taking plain numbers for tests.
/// </summary>
public static class RuntimeReadings
{
    /// <summary>The .NET thread pool's starvation check runs every 0.5 s and adds a thread only after this long without a queued item picked up (longer when the CPU is busy).</summary>
    public static readonly TimeSpan StarvationDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Little's law, measured: requests per second × mean latency against the users in flight, async and blocking.</summary>
    public static Reading LittlesLaw(LoadSweep async, LoadSweep blocking, params int[] users)
    {
        ArgumentNullException.ThrowIfNull(async);
        ArgumentNullException.ThrowIfNull(blocking);
        static (int, double, TimeSpan, TimeSpan, TimeSpan, long) Point(LoadResult p) => (p.Concurrency, p.ResponsesPerSecond, p.Mean, p.P50, p.Window, p.Completed);
        var shown = users.Length > 0 ? users : [.. async.Points.Select(p => p.Concurrency).TakeLast(2)];
        return LittlesLaw([.. async.Points.Where(p => shown.Contains(p.Concurrency)).Select(Point)],
                          [.. blocking.Points.Where(p => shown.Contains(p.Concurrency)).Select(Point)]);
    }

    /// <summary>
    /// <see cref="LittlesLaw(LoadSweep, LoadSweep, int[])"/> from plain numbers: per point, users, responses per second, mean and
    /// median latency, the measuring window, and the requests answered at all (inside the window or after it).
    /// </summary>
    public static Reading LittlesLaw(IReadOnlyList<(int Users, double ResponsesPerSecond, TimeSpan Mean, TimeSpan P50, TimeSpan Window, long Completed)> async,
        IReadOnlyList<(int Users, double ResponsesPerSecond, TimeSpan Mean, TimeSpan P50, TimeSpan Window, long Completed)> blocking)
    {
        static string Product((int Users, double Rps, TimeSpan Mean, TimeSpan P50, TimeSpan Window, long Completed) p) =>
            $"{F(p.Rps * p.Mean.TotalSeconds)} of {p.Users} at {p.Users} users";
        var sentences = new List<string>
        {
            $"responses per second × mean latency (the requests in flight, by Little's law) was {string.Join(" and ", async.Select(Product))} for the async endpoint, " +
            $"and {string.Join(" and ", blocking.Select(Product))} for the blocking one.",
        };
        foreach (var p in blocking)
        {
            var inFlight = p.ResponsesPerSecond * p.Mean.TotalSeconds;
            if (p.ResponsesPerSecond <= 0)
                sentences.Add($"At {p.Users} users no blocking request was answered inside the {D(p.Window)} window " +
                              (p.Completed > 0 ? $"(those answered later had waited {D(p.P50)}, the median)" : "(nor before the run gave up on them)") +
                              ": the window saw no throughput at all, so the product is 0 — a window shorter than one wait is no sample of a steady state.");
            else if (inFlight < 0.85 * p.Users)
                sentences.Add($"At {p.Users} users the blocking run started with all {p.Users} requests at once and a queue that was still growing: its answered requests waited {D(p.Mean)} on average, while a steady queue at {F(p.ResponsesPerSecond)} req/s would make each wait {p.Users} ÷ {F(p.ResponsesPerSecond)} = {D(TimeSpan.FromSeconds(p.Users / p.ResponsesPerSecond))} — the requests still waiting when the window closed are in no average.");
        }
        return new Reading([Capitalise(sentences[0]), .. sentences.Skip(1)]);
    }

    /// <summary>
    /// What the starving pool did during the load's measured window: threads at its start and end, the queue, throughput per
    /// thread, and why the pool added (or did not add) threads.
    /// </summary>
    public static Reading Starvation(ServerTimeline starved, TimeSpan sleep)
    {
        ArgumentNullException.ThrowIfNull(starved);
        var end = starved.Load.Window.TotalSeconds;
        return Starvation(starved.ThreadsAt(0), starved.MaxThreadsUntil(end), starved.ThreadsAt(end), starved.Load.Window, starved.MaxPendingWorkItemsUntil(end),
            starved.RequestsPerSecondBetween(0, 1), starved.ThreadsAt(1), starved.LongestStretchWithoutAFinishedRequestUntil(end), sleep);
    }

    /// <summary><see cref="Starvation(ServerTimeline, TimeSpan)"/> from plain numbers.</summary>
    public static Reading Starvation(int threadsAtStart, int maxThreads, int threadsAtEnd, TimeSpan duration, long maxPending,
        double firstSecondRps, int threadsAfterOneSecond, TimeSpan longestStretchWithoutProgress, TimeSpan sleep)
    {
        var added = threadsAtEnd - threadsAtStart;
        var perSecond = duration > TimeSpan.Zero ? added / duration.TotalSeconds : 0;
        var sentences = new List<string>
        {
            $"the starving pool had {threadsAtStart} threads when the load began, {maxThreads} at most and {threadsAtEnd} at the end of {S(duration)}" +
            (added > 0 ? $" ({added} added: {perSecond:0.#} a second)" : " (none added)") + $", while up to {maxPending:N0} work items waited in its queue.",
            $"In the first second it served {F(firstSecondRps)} req/s with {threadsAfterOneSecond} threads: {F(firstSecondRps / Math.Max(1, threadsAfterOneSecond))} per thread, where a thread that sleeps {D(sleep)} per request can serve at most {F(1 / sleep.TotalSeconds)}.",
            longestStretchWithoutProgress < StarvationDelay
                ? $"Requests kept finishing — the longest stretch without a finished request was {D(longestStretchWithoutProgress)} — so queued work was picked up all along, and the pool's starvation check, which adds a thread only after {D(StarvationDelay)} in which no queued item was picked up, never fired; only hill climbing could add threads, one at a time."
                : $"The longest stretch without a finished request was {D(longestStretchWithoutProgress)}, past the {D(StarvationDelay)} after which the pool's starvation check adds a thread when no queued item was picked up.",
        };
        return new Reading([Capitalise(sentences[0]), .. sentences.Skip(1)]);
    }

    /// <summary>What a run allocated, what of it reached generation 2, and the full collections it set off.</summary>
    public static Reading Survival(RequestCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return Survival(cost.Path, cost.AllocatedBytes, cost.PromotedToGen2Bytes, cost.Gen2Collections);
    }

    /// <summary><see cref="Survival(RequestCost)"/> from plain numbers.</summary>
    public static Reading Survival(string path, long allocated, long promotedToGen2, int fullCollections) =>
        new([$"Of the {allocated:N0} bytes {path}'s run allocated, {promotedToGen2:N0} ({(double)promotedToGen2 / Math.Max(1, allocated):P1}) reached generation 2, " +
             $"and {fullCollections} full {(fullCollections == 1 ? "collection" : "collections")} ran."]);

    static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    static string S(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    static string D(TimeSpan t) => Durations.Format(t);
    static string F(double value) => value.ToString(value < 10 ? "0.#" : "N0", CultureInfo.InvariantCulture);
}
