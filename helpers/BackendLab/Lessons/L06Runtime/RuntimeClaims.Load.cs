using System.Globalization;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>Lesson 6's claims about load: CPU-bound scaling on a core budget, backpressure, coordinated omission.</summary>
public static partial class RuntimeClaims
{
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
}
