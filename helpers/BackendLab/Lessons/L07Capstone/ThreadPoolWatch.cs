using System.Diagnostics;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Step 6's look at the thread pool this process's servers run on: a dedicated thread (not one of the pool's) samples
/// <see cref="ThreadPool.ThreadCount"/> and <see cref="ThreadPool.PendingWorkItemCount"/> every 20 ms until stopped.
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
        while (!_stop)
        {
            MaxThreads = Math.Max(MaxThreads, ThreadPool.ThreadCount);
            MaxPending = Math.Max(MaxPending, ThreadPool.PendingWorkItemCount);
            Samples++;
            Thread.Sleep(20);
        }
    }
}
