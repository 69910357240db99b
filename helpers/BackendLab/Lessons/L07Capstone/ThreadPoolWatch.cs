using System.Diagnostics;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Step 6's look at the thread pool this process's servers run on: a dedicated thread (not one of the pool's) samples
/// <see cref="ThreadPool.ThreadCount"/> and <see cref="ThreadPool.PendingWorkItemCount"/> every 20 ms until stopped, and
/// queues a probe, a work item that does nothing, whenever the last one has run: how long a probe waits for a thread is
/// how long any work waits. The probe catches a pool where every thread waits for work queued behind it (sync over async):
/// the runtime batches socket and timer callbacks into few work items, so the queue's length alone may stay short.
/// </summary>
internal sealed class ThreadPoolWatch
{
    readonly Thread _thread;
    volatile bool _stop;

    ThreadPoolWatch() => _thread = new Thread(Sample) { IsBackground = true, Name = "BackendLab thread-pool watch" };

    /// <summary>The most pool threads seen.</summary>
    public int MaxThreads { get; private set; }

    /// <summary>The most work items seen waiting in the pool's queues.</summary>
    public long MaxPending { get; private set; }

    /// <summary>The longest a probe waited in the pool's queue before a thread ran it (one still waiting at the end counts as far as it got).</summary>
    public TimeSpan LongestWait { get; private set; }

    /// <summary>Samples taken.</summary>
    public int Samples { get; private set; }

    public static ThreadPoolWatch Start()
    {
        var watch = new ThreadPoolWatch();
        watch._thread.Start();
        return watch;
    }

    public ThreadPoolWatch Stop()
    {
        _stop = true;
        _thread.Join();
        return this;
    }

    void Sample()
    {
        long queuedAt = 0, ranAt = 0;   // the probe in flight: when it was queued, and when a thread ran it (0: not yet)
        while (!_stop)
        {
            MaxThreads = Math.Max(MaxThreads, ThreadPool.ThreadCount);
            MaxPending = Math.Max(MaxPending, ThreadPool.PendingWorkItemCount);
            var ran = Interlocked.Read(ref ranAt);
            var waited = Stopwatch.GetElapsedTime(queuedAt, ran != 0 ? ran : Stopwatch.GetTimestamp());
            if (queuedAt != 0 && waited > LongestWait) LongestWait = waited;
            if (queuedAt == 0 || ran != 0)
            {
                queuedAt = Stopwatch.GetTimestamp();
                Interlocked.Exchange(ref ranAt, 0);
                ThreadPool.UnsafeQueueUserWorkItem(_ => Interlocked.Exchange(ref ranAt, Stopwatch.GetTimestamp()), null);
            }
            Samples++;
            Thread.Sleep(20);
        }
    }
}
