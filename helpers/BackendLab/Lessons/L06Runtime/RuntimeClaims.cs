using System.Globalization;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// The statements lesson 6 makes about its measurements, each generated from the measured numbers and the cores the
/// server really had, and checked. Every condition is a pure function of those values (ratios and physical limits, never
/// a number only a 2-core machine reaches), so it can be tested for machines we do not have: 1, 2, 4, 16 cores, idle or
/// busy. Each method returns a <see cref="Claim"/> that names the machine (<see cref="Claim.On"/>); the overloads taking
/// plain numbers are what the tests feed.
/// </summary>
public static partial class RuntimeClaims
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

    static string Users(int n) => n == 1 ? "1 user" : $"{n} users";
    static TimeSpan Max(TimeSpan t) => t > TimeSpan.Zero ? t : TimeSpan.FromTicks(1);
    static string D(TimeSpan t) => Durations.Format(t);
    static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
