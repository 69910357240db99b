using System.Diagnostics;

namespace LabServer;

/// <summary>The lab server's endpoints, one line each.</summary>
public static class LabEndpoints
{
    /// <summary>Maps /plaintext, /delay, /block, /cpu, /stall and /stats.</summary>
    public static IEndpointRouteBuilder MapLabEndpoints(this IEndpointRouteBuilder app)
    {
        // The cheapest response: measures the server's and client's per-request overhead
        app.MapGet("/plaintext", () => "Hello, World!");

        // Waits without holding a thread (async I/O-like)
        app.MapGet("/delay", async (int ms) => { await Task.Delay(ms); return $"waited {ms} ms"; });

        // Holds a thread-pool thread while waiting (blocking I/O-like)
        app.MapGet("/block", (int ms) => { Thread.Sleep(ms); return $"blocked {ms} ms"; });

        // Keeps a core busy for ms milliseconds
        app.MapGet("/cpu", (int ms) => $"computed {CpuWork.Spin(TimeSpan.FromMilliseconds(ms))}");

        // Answers at once, except during the first `ms` milliseconds of every `every` ms (a periodic stall, like a GC pause)
        app.MapGet("/stall", async (int ms, int? every) =>
        {
            await Stall.WaitIfStalledAsync(TimeSpan.FromMilliseconds(ms), TimeSpan.FromMilliseconds(every ?? 1000));
            return "ok";
        });

        // What the server process is doing: threads, queued work, CPU time, GCs
        app.MapGet("/stats", () => LabStats.Now());
        return app;
    }
}

/// <summary>CPU-bound work for /cpu.</summary>
public static class CpuWork
{
    /// <summary>Computes for <paramref name="duration"/> of wall-clock time; returns a value so the work is not optimized away.</summary>
    public static long Spin(TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long x = 1;
        while (Stopwatch.GetTimestamp() < end)
            for (var i = 0; i < 1000; i++) x = x * 6364136223846793005L + 1442695040888963407L;
        return x;
    }
}

/// <summary>A periodic stall: every period starts with a window in which requests wait until the window ends.</summary>
public static class Stall
{
    /// <summary>Waits until the current stall window ends, if we are in one.</summary>
    public static Task WaitIfStalledAsync(TimeSpan stall, TimeSpan period)
    {
        var phase = TimeSpan.FromTicks(DateTime.UtcNow.Ticks % period.Ticks);
        return phase < stall ? Task.Delay(stall - phase) : Task.CompletedTask;
    }
}
