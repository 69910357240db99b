namespace BackendLab.Tests.Lessons.L06bFastApi;

/// <summary>
/// Measurements as lesson 6b's servers would produce them on a machine with a given core budget, idle or busy: the
/// physics of each server (one worker: one core at most; workers: one core each; Kestrel: every core), a share of each
/// core (busy: other programs take part of it, and more runnable processes get a bigger part), and per-request costs.
/// </summary>
static class SyntheticBridge
{
    public static readonly int[] Users = [1, 4, 16, 64];

    /// <param name="cores">Cores the servers got.</param>
    /// <param name="busy">Another program computes on every core (stress-ng --cpu N).</param>
    public static BridgeSweep Cpu(int cores, bool busy, double oneWorkerCores = 1, double? workerGain = null)
    {
        var workers = Math.Max(2, cores);
        // Busy: each core also runs one stress thread, so k runnable threads on a core get k / (k + 1) of it.
        double Share(int runnable, int onCores)
        {
            if (!busy) return Math.Min(runnable, onCores);
            if (runnable < onCores) return runnable * 0.5;
            var perCore = runnable / (double)onCores;
            return onCores * perCore / (perCore + 1);
        }
        const double cost = 0.0053;
        ServerSweep Sweep(string name, BridgeServerKind kind, int w, Func<int, double> coresUsed) =>
            new(name, kind, w, Users.Select(u => Point(u, coresUsed(u), cost)).ToList());
        return new("/cpu?ms=5", cores,
        [
            Sweep("FastAPI, 1 worker", BridgeServerKind.FastApiOneWorker, 1, u => Share(1, 1) * oneWorkerCores),
            Sweep($"FastAPI, {workers} workers", BridgeServerKind.FastApiWorkers, workers,
                u => workerGain is { } g ? Share(1, 1) * g : Share(Math.Min(u, workers), cores)),
            Sweep("Kestrel", BridgeServerKind.Kestrel, 1, u => Share(Math.Min(u, Math.Max(cores, 4)), cores)),
        ]);
    }

    /// <summary>The async 20 ms wait: throughput follows users ÷ 20 ms until the server's CPU share runs out.</summary>
    public static BridgeSweep Wait(int cores, bool busy, double pythonCpuMs = 0.15, double flatten = 1)
    {
        var share = busy ? 0.4 : 1.0;
        ServerSweep Sweep(string name, BridgeServerKind kind, int w, double cpuMs, double capCores) =>
            new(name, kind, w, Users.Select(u =>
            {
                var rps = Math.Min(u / 0.020 * (u == 1 ? 1 : flatten), capCores * share / (cpuMs / 1000));
                return Point(u, rps * cpuMs / 1000, cpuMs / 1000, rps);
            }).ToList());
        var workers = Math.Max(2, cores);
        return new("/delay?ms=20", cores,
        [
            Sweep("FastAPI, 1 worker", BridgeServerKind.FastApiOneWorker, 1, pythonCpuMs, 1),
            Sweep($"FastAPI, {workers} workers", BridgeServerKind.FastApiWorkers, workers, pythonCpuMs, Math.Min(workers, cores)),
            Sweep("Kestrel", BridgeServerKind.Kestrel, 1, 0.03, cores),
        ]);
    }

    /// <summary>The JSON response at saturation: CPU per request of each server.</summary>
    public static BridgeSweep Json(int cores, bool busy, double pythonCpuMs = 0.16, double kestrelCpuMs = 0.03)
    {
        var share = busy ? 0.5 : 1.0;
        ServerSweep Sweep(string name, BridgeServerKind kind, int w, double cpuMs, int capCores) =>
            new(name, kind, w, Users.Select(u => Point(u, Math.Min(u, capCores) * share, cpuMs / 1000)).ToList());
        var workers = Math.Max(2, cores);
        return new("/json?items=10", cores,
        [
            Sweep("FastAPI, 1 worker", BridgeServerKind.FastApiOneWorker, 1, pythonCpuMs, 1),
            Sweep($"FastAPI, {workers} workers", BridgeServerKind.FastApiWorkers, workers, pythonCpuMs, Math.Min(workers, cores)),
            Sweep("Kestrel", BridgeServerKind.Kestrel, 1, kestrelCpuMs, cores),
        ]);
    }

    /// <summary>Memory: about 40 MB per Python process, 90 MB for Kestrel.</summary>
    public static BridgeMemory Memory(int workers, double workerMb = 39, int? processes = null) => new(
    [
        new("FastAPI, 1 worker", BridgeServerKind.FastApiOneWorker, 1, [40_000_000]),
        new($"FastAPI, {workers} workers", BridgeServerKind.FastApiWorkers, workers,
            Enumerable.Repeat((long)(workerMb * 1e6), processes ?? workers + 1).ToList()),
        new("Kestrel", BridgeServerKind.Kestrel, 1, [90_000_000]),
    ]);

    /// <summary>A 0.5 s run in which the server kept <paramref name="coresUsed"/> cores busy at <paramref name="cpuPerRequest"/> seconds each.</summary>
    static BridgePoint Point(int users, double coresUsed, double cpuPerRequest, double? rps = null)
    {
        var elapsed = TimeSpan.FromSeconds(0.5);
        var throughput = rps ?? coresUsed / cpuPerRequest;
        var requests = (long)Math.Max(1, throughput * 0.5);
        var latency = TimeSpan.FromSeconds(users / Math.Max(throughput, 1e-9));
        return new(users, requests, 0, throughput, latency, latency * 1.5, elapsed, TimeSpan.FromSeconds(requests * cpuPerRequest));
    }
}
