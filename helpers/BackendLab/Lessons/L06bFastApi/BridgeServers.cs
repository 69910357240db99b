using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06bFastApi;

/// <summary>
/// Lesson 6b's servers, each in its own processes on 127.0.0.1 and pinned to the same <see cref="CoreBudget"/>:
/// FastAPI on uvicorn with one worker, FastAPI with one worker per budget core (at least 2), and Kestrel (the lab server).
/// Without Python, FastAPI and uvicorn (see <see cref="FastApiSetup"/>) only Kestrel runs. Measures them all with the
/// course's load generator, one server at a time.
/// <code>var servers = await BridgeServers.StartAsync(FastApiSetup.Find(), CoreBudget.ForServers(4));
/// var wait = await servers.SweepAsync("/delay?ms=20", [1, 4, 16, 64]);</code>
/// </summary>
public sealed class BridgeServers : IAsyncDisposable, IHtmlContent
{
    BridgeServers(FastApiSetup python, CoreBudget budget, IReadOnlyList<BridgeServer> servers) =>
        (Python, Budget, Servers) = (python, budget, servers);

    /// <summary>The Python the FastAPI servers run on (or why they were skipped).</summary>
    public FastApiSetup Python { get; }
    /// <summary>The cores the servers were given.</summary>
    public CoreBudget Budget { get; }
    /// <summary>The running servers: FastAPI 1 worker, FastAPI N workers (when Python is available), Kestrel.</summary>
    public IReadOnlyList<BridgeServer> Servers { get; }
    /// <summary>The cores the servers really got: the fewest over every server process (the budget where the system cannot say).</summary>
    public int Cores => Servers.Select(s => s.Cores ?? Budget.Count).DefaultIfEmpty(Budget.Count).Min();

    /// <summary>Worker processes for the multi-worker FastAPI server: one per budget core, at least 2.</summary>
    public static int WorkersFor(CoreBudget budget) => Math.Max(2, budget.Count);

    /// <summary>Starts every server (replacing the ones from a previous run of the cell) and pins each to <paramref name="budget"/>.</summary>
    public static async Task<BridgeServers> StartAsync(FastApiSetup python, CoreBudget budget)
    {
        var servers = new List<BridgeServer>();
        if (python.IsAvailable)
        {
            var one = await FastApiServer.StartAsync("6b-fastapi-1", python, 1, budget);
            servers.Add(new("FastAPI, 1 worker", BridgeServerKind.FastApiOneWorker, 1, one.Url, one, () => one.ProcessIds, Fewest(one.ProcessIds)));
            var workers = WorkersFor(budget);
            var many = await FastApiServer.StartAsync("6b-fastapi-n", python, workers, budget);
            servers.Add(new($"FastAPI, {workers} workers", BridgeServerKind.FastApiWorkers, workers, many.Url, many, () => many.ProcessIds, Fewest(many.ProcessIds)));
        }
        var kestrel = await StartKestrelAsync("6b-kestrel", budget);
        servers.Add(new("Kestrel", BridgeServerKind.Kestrel, 1, kestrel.Url, kestrel, () => [kestrel.ProcessId], Fewest([kestrel.ProcessId])));
        return new(python, budget, servers);
    }

    static Task<LabProcess> StartKestrelAsync(string name, CoreBudget budget) =>
        LabProcess.StartAsync(name, new LabProcessOptions { Budget = budget });

    static int? Fewest(IReadOnlyList<int> pids) => pids.Select(CoreBudget.CoresOf).Min();

    /// <summary>
    /// Loads <paramref name="path"/> on each server in turn, closed loop, once per number of users, after a short warm-up;
    /// reads each server's CPU time before and after every run. Each run starts without a warm-up of its own, so all
    /// its requests' CPU time is inside it; its throughput is answers ÷ the run's elapsed time.
    /// </summary>
    /// <param name="path">The endpoint with its query, e.g. <c>/delay?ms=20</c>.</param>
    /// <param name="users">Numbers of users, e.g. <c>[1, 4, 16, 64]</c>.</param>
    /// <param name="duration">Length of each run. Default 0.5 s.</param>
    public async Task<BridgeSweep> SweepAsync(string path, int[] users, TimeSpan? duration = null)
    {
        var sweeps = new List<ServerSweep>();
        foreach (var server in Servers)
        {
            var url = server.Url + path;
            // Warm-up: connections, imports, JIT; not measured
            await Load.RunAsync(url, new LoadOptions { Concurrency = Math.Min(8, users.Max()), Duration = TimeSpan.FromSeconds(0.3), Warmup = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(3) });
            var points = new List<BridgePoint>();
            foreach (var u in users.Order())
            {
                var before = server.CpuTime();
                var r = await Load.RunAsync(url, new LoadOptions { Concurrency = u, Duration = duration ?? TimeSpan.FromSeconds(0.5), Warmup = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(3), MaxRequests = 100_000 });
                var cpu = server.CpuTime() - before;
                // No warm-up inside the run, so every request's CPU time falls inside it; throughput is then answers ÷ elapsed
                // time (the server was busy from the first request to the last), which a short window would misjudge when
                // answers come in bursts (CPU-bound Python threads taking turns at the GIL)
                points.Add(new(u, r.Count, r.Errors, r.Ok / Math.Max(r.Elapsed.TotalSeconds, 1e-9), r.P50, r.P99, r.Elapsed, cpu));
            }
            sweeps.Add(new(server.Name, server.Kind, server.Workers, points));
        }
        return new(path, Cores, sweeps);
    }

    /// <summary>Resident memory of every server's processes now.</summary>
    public BridgeMemory Memory() => new(Servers.Select(s => new ServerMemory(s.Name, s.Kind, s.Workers, s.MemoryBytes())).ToList());

    /// <summary>Stops every server.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var s in Servers) await s.DisposeAsync();
    }

    /// <summary>A table: each server, its processes, the cores it got and its address.</summary>
    public HtmlTable ToTable()
    {
        var table = new HtmlTable(Budget.ToString())
            .Column("server").Column("processes", "process ids; uvicorn with workers: the master first")
            .Column("cores got", "the cores its processes may run on, read back from the operating system after pinning")
            .Column("address");
        foreach (var s in Servers) table.Row(s.Name, string.Join(", ", s.ProcessIds), s.Cores?.ToString(CultureInfo.InvariantCulture) ?? "not pinned (no CPU affinity on this system)", s.Url);
        return table;
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (!Python.IsAvailable) Python.WriteTo(writer, encoder);
        ToTable().WriteTo(writer, encoder);
    }
}
