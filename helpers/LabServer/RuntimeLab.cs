using BackendLab;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace LabServer;

/// <summary>
/// Lesson 6's endpoints (the runtime, concurrency and backpressure):
/// <list type="bullet">
/// <item><c>/runtime/samples?since=ms</c>: what a sampler thread saw every 100 ms (pool threads, queued work, requests finished, CPU, GCs);</item>
/// <item><c>/runtime/jit</c>: JIT work done at start-up and by each of the first requests;</item>
/// <item><c>/runtime/gc</c>: the garbage collector's settings and what its events reported (heaps per collection, see <see cref="GcWatcher"/>);</item>
/// <item><c>/json?items=100</c>: a JSON list, an ordinary allocating response;</item>
/// <item><c>/store?ms=20</c>: a query to a store with 4 connections (waits for a free one: an unbounded queue);</item>
/// <item><c>/limited?permits=4&amp;queue=8&amp;ms=20</c>: the same query behind ASP.NET Core's concurrency limiter (503 when full).</item>
/// </list>
/// </summary>
public static class RuntimeLab
{
    /// <summary>The rate-limiter policy of <c>/limited</c>: one concurrency limiter per (permits, queue) pair.</summary>
    public const string LimiterPolicy = "concurrency";

    /// <summary>Registers the rate limiter (its rejection status is 503 Service Unavailable).</summary>
    public static IServiceCollection AddRuntimeLab(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            options.AddPolicy(LimiterPolicy, context =>
            {
                var permits = QueryInt(context, "permits", 4);
                var queue = QueryInt(context, "queue", 0);
                return RateLimitPartition.GetConcurrencyLimiter((permits, queue), key => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, key.permits),
                    QueueLimit = Math.Max(0, key.queue),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
        });

    /// <summary>Adds the request counter, the rate limiter and lesson 6's endpoints; starts the sampler thread.</summary>
    public static WebApplication MapRuntimeLab(this WebApplication app)
    {
        RuntimeSampler.Start();
        app.Lifetime.ApplicationStarted.Register(RuntimeSampler.MarkStarted);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try { await next(context); }
            finally { RuntimeSampler.RequestFinished(Stopwatch.GetElapsedTime(started)); }
        });
        app.UseRouting();      // explicit, so the counter above also times routing
        app.UseRateLimiter();

        app.MapGet("/runtime/samples", (double? since) => RuntimeSampler.Since(since ?? 0));
        app.MapGet("/runtime/jit", () => RuntimeSampler.Jit());
        app.MapGet("/runtime/gc", () => GcWatcher.Snapshot());
        app.MapGet("/json", (int? items) => Enumerable.Range(1, items ?? 100)
            .Select(i => new OrderLine(i, $"item {i}", i * 1.25m, DateTime.UnixEpoch.AddDays(i))).ToList());
        app.MapGet("/store", (int? ms, int? connections, CancellationToken aborted) =>
            Store.QueryAsync("store", ms ?? 20, connections ?? 4, aborted));
        app.MapGet("/limited", (int? ms, int? connections, CancellationToken aborted) =>
            Store.QueryAsync("limited", ms ?? 20, connections ?? 4, aborted)).RequireRateLimiting(LimiterPolicy);
        return app;
    }

    static int QueryInt(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Request.Query[name], out var value) ? value : fallback;
}

/// <summary>A line of <c>/json</c>'s answer.</summary>
public sealed record OrderLine(int Id, string Name, decimal Price, DateTime Shipped);

/// <summary>
/// A pretend database with a fixed number of connections: a query holds one for <c>ms</c> milliseconds
/// (without holding a thread); when all are busy, the query waits for one, in an unbounded queue.
/// Each endpoint has its own pools, so a queue left behind by a run against <c>/store</c> never delays <c>/limited</c>.
/// </summary>
public static class Store
{
    static readonly ConcurrentDictionary<(string Endpoint, int Connections), SemaphoreSlim> _pools = new();

    /// <summary>Takes one of <paramref name="endpoint"/>'s connections (waiting as long as needed), holds it <paramref name="ms"/> ms, gives it back.</summary>
    public static async Task<string> QueryAsync(string endpoint, int ms, int connections, CancellationToken aborted)
    {
        var pool = _pools.GetOrAdd((endpoint, Math.Clamp(connections, 1, 1000)), key => new SemaphoreSlim(key.Connections, key.Connections));
        await pool.WaitAsync(aborted);
        try { await Task.Delay(ms, aborted); }
        finally { pool.Release(); }
        return $"queried {ms} ms";
    }
}

/// <summary>
/// A dedicated thread (not a pool thread, so it keeps running when the pool is starved) that samples the process
/// every 100 ms, and a counter of finished requests.
/// </summary>
public static class RuntimeSampler
{
    const int Capacity = 1200; // two minutes
    static readonly RuntimeSample[] _ring = new RuntimeSample[Capacity];
    static readonly JitSnapshot?[] _firstRequests = new JitSnapshot?[20];
    static readonly Stopwatch _clock = Stopwatch.StartNew();
    static long _written, _finished;
    static JitSnapshot? _atStart;
    static Thread? _thread;

    /// <summary>Starts sampling (once).</summary>
    public static void Start()
    {
        if (Interlocked.CompareExchange(ref _thread, new Thread(Run) { IsBackground = true, Name = "runtime sampler" }, null) is not null) return;
        _thread.Start();
    }

    /// <summary>Notes the JIT work done by start-up (called once the server listens).</summary>
    public static void MarkStarted() => _atStart ??= Snapshot(0);

    /// <summary>Counts a finished request; the first 20 also record the JIT work done so far.</summary>
    public static void RequestFinished(TimeSpan handlerTime)
    {
        var n = Interlocked.Increment(ref _finished);
        if (n <= _firstRequests.Length) _firstRequests[n - 1] = Snapshot(handlerTime.TotalMilliseconds);
    }

    /// <summary>The samples taken after <paramref name="sinceMs"/> (milliseconds since start).</summary>
    public static IReadOnlyList<RuntimeSample> Since(double sinceMs)
    {
        var written = Interlocked.Read(ref _written);
        var list = new List<RuntimeSample>();
        for (var i = Math.Max(0, written - Capacity); i < written; i++)
            if (_ring[i % Capacity] is { } s && s.Ms > sinceMs) list.Add(s);
        list.Add(Sample()); // and now
        return list;
    }

    /// <summary>JIT work at start-up and after each of the first requests.</summary>
    public static JitReport Jit() =>
        new(_atStart ?? Snapshot(0), _firstRequests.TakeWhile(s => s is not null).Select(s => s!).ToList());

    static JitSnapshot Snapshot(double handlerMs) =>
        new(System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, handlerMs);

    static RuntimeSample Sample() =>
        new(_clock.Elapsed.TotalMilliseconds, ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount,
            Interlocked.Read(ref _finished), Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, GC.CollectionCount(0));

    static void Run()
    {
        while (true)
        {
            var n = Interlocked.Read(ref _written);
            _ring[n % Capacity] = Sample();
            Interlocked.Increment(ref _written);
            Thread.Sleep(100);
        }
    }
}
