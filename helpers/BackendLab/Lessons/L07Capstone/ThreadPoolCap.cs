namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Step 6 runs with this process's thread pool capped at <see cref="Threads"/> worker threads (what a small container
/// gives a service), whatever earlier cells grew it to, so a blocking call meets the same pool on every machine and in
/// every kernel: minimum and maximum both, so none of them waits to be added. The limits are put back by
/// <see cref="Dispose"/>, or by a thread of its own after a deadline: code that blocks every pool thread (sync over async)
/// would otherwise never let the awaiting check resume to put them back.
/// </summary>
internal sealed class ThreadPoolCap : IDisposable
{
    readonly int _minWorkers, _minIo, _maxWorkers, _maxIo;
    int _restored;

    ThreadPoolCap()
    {
        ThreadPool.GetMinThreads(out _minWorkers, out _minIo);
        ThreadPool.GetMaxThreads(out _maxWorkers, out _maxIo);
        // An earlier cap's drain raised the minimum and has not put it back yet: this cap puts back what that one would have
        // (unless someone set another minimum meanwhile, which is then the one to keep).
        if (_draining is { } before && _minWorkers == Math.Max(before.Workers, DrainThreads)) (_minWorkers, _minIo) = before;
        _draining = null;
    }

    /// <summary>The cap: 8 threads, or one per core when there are more than 8 cores (the pool allows no fewer).</summary>
    public static int Threads => Math.Max(Environment.ProcessorCount, 8);

    /// <summary>Caps the pool; it is put back at the latest after <paramref name="releaseAfter"/>.</summary>
    public static ThreadPoolCap Apply(TimeSpan releaseAfter)
    {
        // Work left by an earlier run (a blocking handler still draining) must not count against this one: wait up to 3 s for a quiet pool.
        for (var waited = 0; ThreadPool.PendingWorkItemCount > Threads && waited < 3000; waited += 20) Thread.Sleep(20);
        Interlocked.Increment(ref _generation);
        var cap = new ThreadPoolCap();
        ThreadPool.SetMinThreads(Math.Min(cap._minWorkers, Threads), cap._minIo);
        if (!ThreadPool.SetMaxThreads(Threads, cap._maxIo) || !ThreadPool.SetMinThreads(Threads, cap._minIo))
        {
            cap.Dispose();
            throw new InvalidOperationException($"Could not cap the thread pool at {Threads} threads.");
        }
        new Thread(() => { Thread.Sleep(releaseAfter); cap.Dispose(); }) { IsBackground = true, Name = "BackendLab thread-pool cap release" }.Start();
        return cap;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 1) return;
        ThreadPool.SetMaxThreads(_maxWorkers, _maxIo);
        // A starved pool drains at the pool's slow pace of adding threads; let it have threads at once for a few seconds. Always:
        // a pool deadlocked by sync over async (every thread waiting for a timer's work item) may show few items waiting
        // at this moment, and a pool with nothing to do creates no thread for a higher minimum.
        _draining = (_minWorkers, _minIo);
        ThreadPool.SetMinThreads(Math.Max(_minWorkers, DrainThreads), _minIo);
        var generation = Volatile.Read(ref _generation);
        new Thread(() =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(3));
            if (Volatile.Read(ref _generation) != generation) return;   // a newer cap owns the pool now, and puts these limits back itself
            ThreadPool.SetMinThreads(_minWorkers, _minIo);
            _draining = null;
        }) { IsBackground = true, Name = "BackendLab thread-pool drain" }.Start();
    }

    static int _generation;

    // The minimum a drain in progress will put back (null when none is in progress).
    static (int Workers, int Io)? _draining;

    const int DrainThreads = 256;
}
