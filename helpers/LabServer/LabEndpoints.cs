using BackendLab;
using System.Diagnostics;
using System.Runtime.InteropServices;

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

        // Uses ms milliseconds of CPU time on its thread (thread CPU time, not wall-clock: see CpuWork)
        app.MapGet("/cpu", (int ms) => $"computed {CpuWork.Spin(TimeSpan.FromMilliseconds(ms))}");

        // Answers at once, except during the first `ms` milliseconds of every `every` ms (a periodic stall, like a GC pause)
        app.MapGet("/stall", async (int ms, int? every) =>
        {
            await Stall.WaitIfStalledAsync(TimeSpan.FromMilliseconds(ms), TimeSpan.FromMilliseconds(every ?? 1000));
            return "ok";
        });

        // What the server process is doing: threads, queued work, CPU time, GCs
        app.MapGet(LabServerProtocol.StatsPath, () => LabStats.Now());
        return app;
    }
}

/// <summary>
/// CPU-bound work for /cpu: computes until the CURRENT THREAD has used the requested CPU time. Counting CPU time, not
/// wall-clock time, matters when there are more busy threads than cores: a time-sliced thread is not computing while it
/// waits for a core, so a wall-clock spin would finish its request with less work done, and throughput could exceed
/// what the cores can compute. On Linux the thread's CPU clock is read with clock_gettime(CLOCK_THREAD_CPUTIME_ID)
/// (a vDSO call, well under a microsecond); on other systems this falls back to wall-clock time.
/// </summary>
public static class CpuWork
{
    const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec { public nint Seconds; public nint Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out TimeSpec time);

    static readonly bool HasThreadCpuClock = OperatingSystem.IsLinux() && ThreadCpuNanoseconds() >= 0;

    /// <summary>CPU time the current thread has used, in nanoseconds, or -1 when the clock is unavailable.</summary>
    public static long ThreadCpuNanoseconds()
    {
        try { return ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? (long)t.Seconds * 1_000_000_000 + t.Nanoseconds : -1; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return -1; }
    }

    /// <summary>Computes until this thread has used <paramref name="duration"/> of CPU time; returns a value so the work is not optimized away.</summary>
    public static long Spin(TimeSpan duration)
    {
        long x = 1;
        if (HasThreadCpuClock)
        {
            var end = ThreadCpuNanoseconds() + (long)(duration.TotalSeconds * 1e9);
            while (ThreadCpuNanoseconds() < end)
                for (var i = 0; i < 1000; i++) x = x * 6364136223846793005L + 1442695040888963407L;
            return x;
        }
        var wallEnd = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < wallEnd)
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
