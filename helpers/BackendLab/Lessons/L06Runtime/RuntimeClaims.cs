using System.Globalization;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// The statements lesson 6 makes about its measurements, each generated from the measured numbers and the cores the
/// server really had, and checked. Every condition is a pure function of those values (ratios and physical limits, never
/// a number only a 2-core machine reaches), so it can be tested for machines we do not have: 1, 2, 4, 16 cores, idle or
/// busy. Each method returns a <see cref="Claim"/> that names the machine (<see cref="Claim.On"/>); the overloads taking
/// plain numbers are what the tests feed.
/// </summary>
public static class RuntimeClaims
{
    /// <summary>How many times slower than a warm request the first one must be.</summary>
    public const double ColdFactor = 5;
    /// <summary>Least ratio of async to blocking throughput at the sweep's top concurrency.</summary>
    public const double AsyncOverBlocking = 5;
    /// <summary>How far from Little's law (users ÷ mean latency) an async sweep point may be.</summary>
    public const double LittleTolerance = 0.15;
    /// <summary>With 2+ cores, the least rise from 1 to 2 users of CPU-bound throughput.</summary>
    public const double ParallelGain = 1.2;
    /// <summary>Past the core count, the most CPU-bound throughput may grow, as a share of the users' growth (users ×4 → throughput at most ×2).</summary>
    public const double PastCoresShare = 0.5;
    /// <summary>The growth past the core count always allowed, however few extra users (a one-second window's noise).</summary>
    public const double MinPastCoresGrowth = 1.25;
    /// <summary>Past the core count, the least share of the users' growth that the mean latency must show (users ×4 → mean ×2).</summary>
    public const double LatencyGrowth = 0.5;
    /// <summary>How far above <c>cores ÷ CPU time per request</c> the best throughput may be (a one-second window counts a few answers to requests sent before it).</summary>
    public const double CeilingMargin = 1.25;

    /// <summary>Cold start: the first request pays for the JIT.</summary>
    public static Claim FirstRequestPays(ColdStart cold, int cores, MachineLoad? load = null) =>
        FirstRequestPays(cold.FirstRequest, cold.WarmMedian, cold.MethodsCompiledByFirstRequest, cold.MethodsCompiledByLaterRequests, cold.Latencies.Count - 1, cores, load, cold.JitTimeOfFirstRequest);

    /// <inheritdoc cref="FirstRequestPays(L06Runtime.ColdStart, int, MachineLoad?)"/>
    public static Claim FirstRequestPays(TimeSpan first, TimeSpan warmMedian, long methodsByFirst, long methodsByLater, int laterRequests, int cores, MachineLoad? load = null, TimeSpan? jitTime = null) =>
        Claim.All(
            ($"the first request ({D(first)}) took over {ColdFactor}× a warm one ({D(warmMedian)}): {N(first / Max(warmMedian))}×",
                first > ColdFactor * warmMedian),
            ($"the first request made the JIT compile {N(methodsByFirst)} methods" +
             (jitTime is { } jit ? $" (in {D(jit)}, {Math.Min(1, jit / Max(first)):P0} of its time; the rest went to other first-time work)" : "") +
             $", the next {laterRequests} together only {N(methodsByLater)}",
                methodsByFirst > 5 * Math.Max(1, methodsByLater)))
        .On(cores, load);

    /// <summary>The most of a run's time its generation-0 collections may have paused the server, for them to count as cheap.</summary>
    public const double CheapPauseShare = 0.10;
    /// <summary>
    /// Allocation: /json allocates far more per request than /plaintext, its garbage is what the GC collects, and those
    /// collections paused the server little. (What reached generation 2 is read aloud by <see cref="RuntimeReadings.Survival(RequestCost)"/>:
    /// it includes what outlives the requests, such as the connections' own buffers, so its share is no claim.)
    /// </summary>
    public static Claim Allocation(RequestCost plain, RequestCost json, int cores, MachineLoad? load = null) =>
        Allocation(plain.BytesPerRequest, json.BytesPerRequest, plain.Gen0Collections, json.Gen0Collections, cores, load,
            new GcCost(json.GcPause, json.Elapsed));

    /// <summary>What the /json run's collections cost: their pause, and the run's length.</summary>
    /// <param name="Pause">How long the run's collections paused the server, in all.</param>
    /// <param name="Elapsed">How long the run lasted.</param>
    public sealed record GcCost(TimeSpan Pause, TimeSpan Elapsed);

    /// <inheritdoc cref="Allocation(RequestCost, RequestCost, int, MachineLoad?)"/>
    public static Claim Allocation(double plainBytes, double jsonBytes, int plainGen0, int jsonGen0, int cores, MachineLoad? load = null, GcCost? gc = null)
    {
        var statements = new List<(string, bool)>
        {
            ($"/json allocated {N(jsonBytes)} bytes per request, over 20× /plaintext's {N(plainBytes)}",
                jsonBytes > 20 * Math.Max(plainBytes, 1)),
            jsonGen0 > 0
                ? ($"in about a second, /json's garbage set off {jsonGen0} generation-0 collections; /plaintext's {plainGen0}", jsonGen0 > plainGen0)
                : ($"in about a second, /json's garbage did not fill generation 0 once on this machine (its budget grows with the CPU's cache), and /plaintext's set off {plainGen0} collections", plainGen0 == 0),
        };
        if (gc is not null && jsonGen0 > 0)
        {
            var share = gc.Pause / Max(gc.Elapsed);
            statements.Add(($"they were cheap: together they paused the server {D(gc.Pause)}, {share:P1} of the run's {D(gc.Elapsed)} ({D(gc.Pause / jsonGen0)} each on average; under {CheapPauseShare:P0} expected)",
                share < CheapPauseShare));
        }
        return Claim.All(statements).On(cores, load);
    }

    /// <summary>Async versus blocking at the sweep's top concurrency that both ran (128 users in the lesson).</summary>
    public static Claim AsyncVsBlocking(LoadSweep async, LoadSweep blocking, int users, int cores, MachineLoad? load = null)
    {
        var a = async.Points.Single(p => p.Concurrency == users);
        var b = blocking.Points.Single(p => p.Concurrency == users);
        return AsyncVsBlocking(users, a.RequestsPerSecond, a.Mean, b.RequestsPerSecond, b.Mean, cores, load);
    }

    /// <inheritdoc cref="AsyncVsBlocking(LoadSweep, LoadSweep, int, int, MachineLoad?)"/>
    public static Claim AsyncVsBlocking(int users, double asyncRps, TimeSpan asyncMean, double blockingRps, TimeSpan blockingMean, int cores, MachineLoad? load = null)
    {
        var little = asyncMean > TimeSpan.Zero ? users / asyncMean.TotalSeconds : 0;
        return Claim.All(
            ($"async at {users} users: {N(asyncRps)} req/s, within {LittleTolerance:P0} of Little's law from its own mean latency ({D(asyncMean)}): {users} ÷ mean = {N(little)} req/s",
                little > 0 && Math.Abs(asyncRps - little) <= LittleTolerance * little),
            ($"async at {users} users served {asyncRps / Math.Max(blockingRps, 1):0.#}× the blocking endpoint's {N(blockingRps)} req/s (at least {AsyncOverBlocking}× expected)",
                asyncRps >= AsyncOverBlocking * blockingRps),
            ($"blocking requests waited {D(blockingMean)} on average, over 3× async's {D(asyncMean)}: they queued for a thread",
                blockingMean > 3 * asyncMean))
            .On(cores, load);
    }

    /// <summary>Thread-pool starvation: the starving server's first second, threads and queue, against async and the band-aid.</summary>
    public static Claim Starvation(ServerTimeline awaited, ServerTimeline starved, ServerTimeline bandAid, int users, int cores, MachineLoad? load = null) =>
        Starvation(awaited.RequestsPerSecondBetween(0, 1), starved.RequestsPerSecondBetween(0, 1), starved.ThreadsAt(0), starved.MaxThreads,
            starved.Samples.Count == 0 ? 0 : starved.Samples.Max(s => s.PendingWorkItems), awaited.MaxThreads, bandAid.MaxThreads, users, cores, load);

    /// <inheritdoc cref="Starvation(ServerTimeline, ServerTimeline, ServerTimeline, int, int, MachineLoad?)"/>
    public static Claim Starvation(double asyncFirstSecond, double starvedFirstSecond, int starvedThreadsAtStart, int starvedMaxThreads,
        long starvedMaxPending, int asyncMaxThreads, int bandAidMaxThreads, int users, int cores, MachineLoad? load = null) =>
        Claim.All(
            ($"first second: async served {N(asyncFirstSecond)} req/s, at least 5× the starving server's {N(starvedFirstSecond)}",
                asyncFirstSecond >= 5 * starvedFirstSecond),
            ($"the starving pool had {starvedThreadsAtStart} threads at first and never more than {starvedMaxThreads} — a fraction of the {users} users — while up to {N(starvedMaxPending)} work items waited",
                starvedMaxThreads * 4 <= users && starvedMaxPending > 50),
            ($"the async server needed at most {asyncMaxThreads} pool threads for the same {users} users; the band-aid needed {bandAidMaxThreads}",
                asyncMaxThreads * 4 <= bandAidMaxThreads))
        .On(cores, load);

    /// <summary>
    /// CPU-bound work on a server with <paramref name="cores"/> cores (its budget, <c>lab.Cores</c>): throughput rises with
    /// users only up to the core count, never passes <c>cores ÷ CPU time per request</c>, and latency grows instead.
    /// </summary>
    public static Claim CpuBoundScaling(LoadSweep sweep, int cores, TimeSpan cpuPerRequest, MachineLoad? load = null) =>
        CpuBoundScaling([.. sweep.Points.Select(p => (p.Concurrency, p.RequestsPerSecond, p.Mean))], cores, cpuPerRequest, load);

    /// <summary>
    /// <see cref="CpuBoundScaling(LoadSweep, int, TimeSpan, MachineLoad?)"/> from plain numbers: users, throughput and mean
    /// latency of each sweep point, fewest users first (1 user first).
    /// </summary>
    public static Claim CpuBoundScaling(IReadOnlyList<(int Users, double RequestsPerSecond, TimeSpan Mean)> points, int cores, TimeSpan cpuPerRequest, MachineLoad? load = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        var one = points.First(p => p.Users == 1);
        var top = points[^1];
        var ceiling = cores / cpuPerRequest.TotalSeconds;
        var best = points.MaxBy(p => p.RequestsPerSecond);
        var coreWord = cores == 1 ? "1 core" : $"{cores} cores";
        var statements = new List<(string, bool)>
        {
            ($"the server had {coreWord}, so at most {cores} ÷ {D(cpuPerRequest)} = {N(ceiling)} req/s were possible; the best was {N(best.RequestsPerSecond)} req/s at {Users(best.Users)}",
                best.RequestsPerSecond <= CeilingMargin * ceiling),
        };
        // With 2+ cores, two requests compute at once. With 1 core the ceiling above already says a second user adds
        // nothing; comparing 2 users with 1 would not do: a lone user leaves the core idle between its requests, more
        // so on a busy machine, so 2 users may rightly get more than 1 without a second core.
        if (cores >= 2 && points.FirstOrDefault(p => p.Users == 2) is { Users: 2 } two)
            statements.Add(($"2 users got {N(two.RequestsPerSecond)} req/s vs 1 user's {N(one.RequestsPerSecond)}: the server's {coreWord} computed two requests at once (at least {ParallelGain}× expected)",
                two.RequestsPerSecond >= ParallelGain * one.RequestsPerSecond));
        // The base: the best point with at most max(2, cores) users, where the cores are (nearly) all in use.
        var baseUsers = Math.Max(2, cores);
        var basePoint = points.Where(p => p.Users <= baseUsers).MaxBy(p => p.RequestsPerSecond);
        if (top.Users > baseUsers)
        {
            // Past the cores, throughput grows far less than the users do. Not "not at all": on a core other programs also
            // want, more runnable server threads win a bigger share of it (2 users against 1 hog get 2/3 of the core, 8 get 8/9).
            var factorUsers = top.Users / basePoint.Users;
            var growth = top.RequestsPerSecond / Math.Max(basePoint.RequestsPerSecond, 1e-9);
            var most = Math.Max(MinPastCoresGrowth, PastCoresShare * factorUsers);
            statements.Add(($"{top.Users} users got {N(top.RequestsPerSecond)} req/s, {growth:0.0}× the {N(basePoint.RequestsPerSecond)} of {Users(basePoint.Users)} although {factorUsers}× as many (at most {most:0.0#}× expected): the server had {coreWord}, so past {Users(cores)} more users bring little more throughput",
                growth <= most));
            // Each extra user waits its turn for a core: the mean latency grows about as the users per core do. (The mean,
            // not the median: a busy core shares itself unevenly, so some requests finish fast and the median lags.)
            var factor = (double)top.Users / basePoint.Users;
            statements.Add(($"instead, latency grew: mean {D(top.Mean)} at {top.Users} users vs {D(basePoint.Mean)} at {Users(basePoint.Users)} (at least {LatencyGrowth * factor:0.#}× expected, for {factor:0.#}× the users on the same cores)",
                top.Mean > LatencyGrowth * factor * basePoint.Mean));
        }
        return Claim.All(statements).On(cores, load);
    }

    /// <summary>Backpressure: the unbounded queue's latency grows; the limiter keeps latency low and still serves much of the capacity.</summary>
    public static Claim Backpressure(LoadResult unbounded, LoadResult limited, double capacity, int cores, MachineLoad? load = null) =>
        Backpressure(unbounded.Timeline[0].P50, unbounded.Timeline[^1].P50, unbounded.P99, limited.P99, limited.RequestsPerSecond,
            limited.ErrorsByKind.GetValueOrDefault("HTTP 503"), capacity, cores, load, (unbounded.P50, limited.P50));

    /// <summary>The least share of the store's capacity the limiter must serve with 200 OK (a busy single core serves less).</summary>
    public const double LimiterServes = 0.5;

    /// <summary>
    /// <see cref="Backpressure(LoadResult, LoadResult, double, int, MachineLoad?)"/> from plain numbers; <c>capacity</c> is what
    /// the store behind both endpoints can serve, in req/s (4 connections ÷ 20 ms = 200); <c>medians</c>, if given, are both
    /// runs' median latencies. The p99 must be under half the unbounded queue's, the median under a fifth: the open loop counts
    /// from each request's scheduled time, so on a busy core the load generator's own lateness reaches both runs' tails.
    /// </summary>
    public static Claim Backpressure(TimeSpan unboundedFirstP50, TimeSpan unboundedLastP50, TimeSpan unboundedP99, TimeSpan limitedP99,
        double limitedServed, long rejected, double capacity, int cores, MachineLoad? load = null, (TimeSpan Unbounded, TimeSpan Limited)? medians = null) =>
        Claim.All(
            ($"the unbounded queue's median latency grew from {D(unboundedFirstP50)} in the first second to {D(unboundedLastP50)} in the last",
                unboundedLastP50 > 2 * unboundedFirstP50),
            ($"the limiter kept p99 at {D(limitedP99)}, under half the unbounded queue's {D(unboundedP99)}" +
             (medians is { } m ? $", and the median at {D(m.Limited)}, under a fifth of its {D(m.Unbounded)}" : ""),
                limitedP99 * 2 < unboundedP99 && (medians is not { } n || n.Limited * 5 < n.Unbounded)),
            ($"it still served {N(limitedServed)} req/s with 200 OK (at least {LimiterServes:P0} of the store's {N(capacity)}) and answered the {N(rejected)} requests it could not take with a quick 503",
                limitedServed >= LimiterServes * capacity && rejected > 0))
        .On(cores, load);

    /// <summary>Coordinated omission: the closed loop hides a stall that the open loop shows.</summary>
    public static Claim CoordinatedOmission(LoadResult closed, LoadResult open, TimeSpan stall, int cores, MachineLoad? load = null) =>
        CoordinatedOmission(closed.RequestsPerSecond, closed.P90, closed.P99, closed.Max, open.P90, stall, cores, load,
            (closed.Count, closed.Concurrency, (int)Math.Ceiling(closed.Window.TotalSeconds) + 1));

    /// <summary>
    /// <see cref="CoordinatedOmission(LoadResult, LoadResult, TimeSpan, int, MachineLoad?)"/> from plain numbers; <c>closed</c>,
    /// if given, is the closed loop's request count, its users, and the most stalls its window can overlap (one a second, plus one).
    /// </summary>
    public static Claim CoordinatedOmission(double closedRps, TimeSpan closedP90, TimeSpan closedP99, TimeSpan closedMax, TimeSpan openP90, TimeSpan stall, int cores, MachineLoad? load = null,
        (long Requests, int Users, int Stalls)? closed = null) =>
        Claim.All(
            ($"closed loop: {N(closedRps)} req/s, p90 {D(closedP90)}, p99 {D(closedP99)} — the {D(stall)} stall is nearly invisible (p90 under a tenth of it)" +
             (closed is { } c ? $": of its {N(c.Requests)} requests, at most {c.Users} × {c.Stalls} = {c.Users * c.Stalls} could wait in a stall ({(double)c.Users * c.Stalls / Math.Max(1, c.Requests):P2}), since each of its {c.Users} users waits for its answer" : ""),
                closedP90 < stall / 10),
            ($"open loop at a lower rate: p90 {D(openP90)}, over 10× the closed loop's — about 30 % of requests arrive during a stall",
                openP90 > 10 * closedP90),
            ($"yet the closed loop's max ({D(closedMax)}) shows that stalls happened during its run",
                closedMax > stall / 2))
        .On(cores, load);

    static string Users(int n) => n == 1 ? "1 user" : $"{n} users";
    static TimeSpan Max(TimeSpan t) => t > TimeSpan.Zero ? t : TimeSpan.FromTicks(1);
    static string D(TimeSpan t) => Durations.Format(t);
    static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
