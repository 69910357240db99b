namespace BackendLab.Lessons.L06bFastApi;

/// <summary>
/// An exercise on a server's throughput ceiling: the learner computes, from a sweep's measurements, the most requests
/// per second the servers' cores could answer (<c>cores ÷ CPU time per request</c>), and the check compares it with the
/// same computation and with what the server really reached.
/// </summary>
public sealed class CeilingExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>Which server's ceiling is asked for. Default: Kestrel (measured even when FastAPI is skipped).</summary>
    public BridgeServerKind Server { get; init; } = BridgeServerKind.Kestrel;

    /// <summary>How far from the expected ceiling still counts as right, as a fraction. Default: 0.02.</summary>
    public double Tolerance { get; init; } = 0.02;

    /// <summary>Judges <paramref name="requestsPerSecond"/> against <paramref name="sweep"/>'s run with the most users. 0 means "not attempted". Never throws.</summary>
    public CheckResult Check(double requestsPerSecond, BridgeSweep sweep) => Guard(() =>
    {
        if (requestsPerSecond == 0) return NotAttempted();
        var server = sweep.Of(Server) ?? throw new InvalidOperationException($"The sweep has no {Server} measurements.");
        var cpu = server.Top.CpuPerRequest;
        var expected = sweep.Cores / cpu.TotalSeconds;
        var best = server.Points.Max(p => p.RequestsPerSecond);
        if (Math.Abs(requestsPerSecond - expected) <= Tolerance * expected)
            return Result(CheckOutcome.Correct,
                $"{server.Server} could answer at most {expected:N0} requests per second on {sweep.Cores} core{(sweep.Cores == 1 ? "" : "s")} ({Durations.Format(cpu)} of CPU each). " +
                $"Its best run reached {best:N0} req/s, {best / expected:P0} of that ceiling: the rest of the cores' time went elsewhere (the load generator, other programs, waiting for work).");
        var slip = Math.Abs(requestsPerSecond - 1 / cpu.TotalSeconds) <= Tolerance / cpu.TotalSeconds && sweep.Cores > 1 ? " That is the ceiling of one core: the servers got more."
            : Math.Abs(requestsPerSecond - sweep.Cores / cpu.TotalMilliseconds) <= Tolerance * sweep.Cores / cpu.TotalMilliseconds ? " Check the units: a second has 1,000 milliseconds."
            : "";
        return Result(CheckOutcome.Incorrect, $"`{requestsPerSecond:N0}` req/s is not it yet ({(requestsPerSecond > expected ? "too high" : "too low")}).{slip}");
    });
}
