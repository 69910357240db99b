using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06bFastApi;

/// <summary>
/// The statements lesson 6b makes about its measurements, generated from them and checked: ratios and shapes, never
/// absolute numbers, worded from the cores the servers really got so they hold on 1 to 16+ cores, idle or busy.
/// Each method returns a <see cref="Claim"/> (which explains, without failing the cell, a statement that does not hold) or, when FastAPI was
/// skipped, a "skipped" box. The <c>…Statements</c> methods give the raw list, for tests.
/// </summary>
public static class BridgeClaims
{
    /// <summary>Smallest rise from 1 user to the best run with 16+ users that counts as "scales" (Little's law: 16× and more).</summary>
    public const double WaitScaling = 8;
    /// <summary>Most cores one uvicorn worker may keep busy (one thread runs Python at a time) before the GIL claim fails.</summary>
    public const double OneWorkerCores = 1.15;
    /// <summary>With 2+ budget cores, the least gain over one worker that counts as "more cores were used".</summary>
    public const double MultiCoreGain = 1.3;
    /// <summary>With a 1-core budget, the gain over one worker below which "processes added no core" holds (a busy core gives more runnable processes a bigger share, so not 1.0).</summary>
    public const double OneCoreCeiling = 1.7;
    /// <summary>Least ratio of FastAPI's CPU per request to Kestrel's.</summary>
    public const double CpuPerRequestRatio = 2;
    /// <summary>Least ratio of W workers' total memory to one worker's (W ≥ 2).</summary>
    public const double WorkerMemoryRatio = 1.5;

    /// <summary>The async 20 ms wait scales with users on every server.</summary>
    public static IHtmlContent AsyncWait(BridgeSweep wait) => Show(wait.IsComplete, () => AsyncWaitStatements(wait));

    /// <summary>The statements of <see cref="AsyncWait"/>: for each server, the best throughput at 16+ users against 1 user's.</summary>
    public static IReadOnlyList<(string Statement, bool Holds)> AsyncWaitStatements(BridgeSweep wait) =>
        wait.Servers.Select(s =>
        {
            var one = s.At(1).RequestsPerSecond;
            var best = Best(s, minUsers: 16);
            var rise = best.RequestsPerSecond / Math.Max(one, 1e-9);
            return ($"{s.Server}: {N(best.RequestsPerSecond)} req/s at {best.Users} users, {rise:0.#}× its {N(one)} req/s with 1 user (at least {WaitScaling}× expected, for {best.Users}× the users): a waiting request holds no core",
                rise >= WaitScaling);
        }).ToList();

    /// <summary>CPU-bound work: one uvicorn worker stays on one core; workers and Kestrel use the budget's other cores, if it has any.</summary>
    public static IHtmlContent CpuBound(BridgeSweep cpu) => Show(cpu.IsComplete, () => CpuBoundStatements(cpu));

    /// <summary>The statements of <see cref="CpuBound"/>, worded for the cores the servers got (<see cref="BridgeSweep.Cores"/>).</summary>
    public static IReadOnlyList<(string Statement, bool Holds)> CpuBoundStatements(BridgeSweep cpu)
    {
        var one = cpu.Of(BridgeServerKind.FastApiOneWorker)!;
        var many = cpu.Of(BridgeServerKind.FastApiWorkers)!;
        var kestrel = cpu.Of(BridgeServerKind.Kestrel)!;
        double MostCores(ServerSweep s) => s.Points.Max(p => p.CoresUsed);
        var oneBest = Best(one).RequestsPerSecond;
        var manyGain = Best(many).RequestsPerSecond / Math.Max(oneBest, 1e-9);
        var kestrelGain = Best(kestrel).RequestsPerSecond / Math.Max(oneBest, 1e-9);
        var budget = cpu.Cores == 1 ? "on this 1-core budget the budget alone would stop it there too" : $"although its budget has {cpu.Cores} cores";
        var statements = new List<(string, bool)>
        {
            ($"one uvicorn worker kept at most {MostCores(one):0.00} cores busy at any number of users (at most {OneWorkerCores} expected: one process, whose GIL lets one thread at a time run Python), {budget}",
                MostCores(one) <= OneWorkerCores),
        };
        if (cpu.Cores >= 2)
        {
            statements.Add(($"{many.Workers} workers reached {manyGain:0.0}× one worker's best throughput (at least {MultiCoreGain}× expected with {cpu.Cores} cores): each worker process has its own GIL and runs on its own core",
                manyGain >= MultiCoreGain));
            statements.Add(($"Kestrel, one process, reached {kestrelGain:0.0}× one uvicorn worker's best throughput (at least {MultiCoreGain}× expected with {cpu.Cores} cores): its thread pool computes on every core",
                kestrelGain >= MultiCoreGain));
        }
        else
        {
            statements.Add(($"{many.Workers} workers kept at most {MostCores(many):0.00} cores busy, Kestrel at most {MostCores(kestrel):0.00} (at most {OneWorkerCores} expected on a 1-core budget): extra processes or threads cannot use a core the budget does not have",
                MostCores(many) <= OneWorkerCores && MostCores(kestrel) <= OneWorkerCores));
        }
        return statements;
    }

    /// <summary>FastAPI spends more CPU time per request than Kestrel, measured where the servers were busiest (the most users).</summary>
    public static IHtmlContent CpuPerRequest(BridgeSweep sweep) => Show(sweep.IsComplete, () => CpuPerRequestStatements(sweep));

    /// <summary>
    /// The statements of <see cref="CpuPerRequest"/>: one uvicorn worker's CPU per request against Kestrel's, in the run with the
    /// most users (at low load an idle .NET thread pool spins briefly before it sleeps, which inflates its CPU per request).
    /// </summary>
    public static IReadOnlyList<(string Statement, bool Holds)> CpuPerRequestStatements(BridgeSweep sweep)
    {
        var py = sweep.Of(BridgeServerKind.FastApiOneWorker)!.Top;
        var net = sweep.Of(BridgeServerKind.Kestrel)!.Top;
        var ratio = py.CpuPerRequest.Ticks / (double)Math.Max(net.CpuPerRequest.Ticks, 1);
        return
        [
            ($"{sweep.Path} at {py.Users} users: FastAPI used {Durations.Format(py.CpuPerRequest)} of CPU per request, {ratio:0.0}× Kestrel's {Durations.Format(net.CpuPerRequest)} (at least {CpuPerRequestRatio}× expected)",
                ratio >= CpuPerRequestRatio),
        ];
    }

    /// <summary>Workers cost processes and memory.</summary>
    public static IHtmlContent Memory(BridgeMemory memory) =>
        Show(memory.Of(BridgeServerKind.FastApiOneWorker) is not null && memory.Of(BridgeServerKind.FastApiWorkers) is not null, () => MemoryStatements(memory));

    /// <summary>The statements of <see cref="Memory"/>.</summary>
    public static IReadOnlyList<(string Statement, bool Holds)> MemoryStatements(BridgeMemory memory)
    {
        var one = memory.Of(BridgeServerKind.FastApiOneWorker)!;
        var many = memory.Of(BridgeServerKind.FastApiWorkers)!;
        var ratio = many.TotalBytes / (double)Math.Max(one.TotalBytes, 1);
        return
        [
            ($"uvicorn with {many.Workers} workers runs {many.Processes} processes (a master and {many.Workers} workers), the single worker 1",
                many.Processes == many.Workers + 1 && one.Processes == 1),
            ($"together they hold {BridgeMemory.Mb(many.TotalBytes)} MB resident, {ratio:0.0}× the single worker's {BridgeMemory.Mb(one.TotalBytes)} MB (at least {WorkerMemoryRatio}× expected: each process loads Python, FastAPI and the app)",
                ratio >= WorkerMemoryRatio),
        ];
    }

    /// <summary>The run with the best throughput, among those with at least <paramref name="minUsers"/> users (or all).</summary>
    static BridgePoint Best(ServerSweep s, int minUsers = 1) =>
        (s.Points.Where(p => p.Users >= minUsers).DefaultIfEmpty(s.Top)).MaxBy(p => p.RequestsPerSecond)!;

    static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static IHtmlContent Show(bool measured, Func<IReadOnlyList<(string Statement, bool Holds)>> statements) =>
        measured ? Claim.All(statements().ToArray())
            : new HtmlString(Box.Skipped("comparison skipped", "FastAPI was not measured on this machine, so there is nothing to compare Kestrel with.", $"To install it: {FastApiSetup.InstallHint}"));
}
