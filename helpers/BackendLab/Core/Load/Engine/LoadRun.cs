using System.Collections.Concurrent;
using System.Diagnostics;

namespace BackendLab.LoadEngine;

/// <summary>
/// One load run: its clock (warm-up, measured phase, deadline, hard stop), its connections, the watchdog that
/// enforces timeouts and the hard stop, and the per-thread recorders. <see cref="RunAsync"/> drives it once.
/// </summary>
internal sealed class LoadRun
{
    readonly LoadOptions _options;
    readonly RequestBytes _request;
    readonly HttpConnection[] _connections;
    readonly long _start, _measureStart, _deadline, _hardStop, _timeout, _lateAfter;
    readonly ConcurrentDictionary<int, LatencyRecorder> _recorders = new();
    [ThreadStatic] static LatencyRecorder? t_recorder;
    [ThreadStatic] static LoadRun? t_owner;
    long _measuredSent;
    volatile bool _stop, _finished;
    TimeSpan _cpuAtMeasureStart;

    readonly string _url;

    public LoadRun(string url, LoadOptions options)
    {
        options.Validate(url);
        (_url, _options) = (url, options);
        _request = RequestBytes.From(url, options);
        _connections = UsesEpoll ? [] : [.. Enumerable.Range(0, options.EffectiveConcurrency).Select(_ => new HttpConnection(_request))];
        _start = Stopwatch.GetTimestamp();
        _measureStart = _start + Ticks(options.Warmup);
        _deadline = _measureStart + Ticks(options.Duration);
        _timeout = Ticks(options.Timeout);
        _hardStop = _deadline + _timeout + Stopwatch.Frequency;
        _lateAfter = Stopwatch.Frequency / 1000;
    }

    /// <summary>The connections split across one epoll loop per core (at most one loop per connection).</summary>
    IEnumerable<int> EpollShares()
    {
        var loops = Math.Min(int.TryParse(Environment.GetEnvironmentVariable("BACKENDLAB_LOAD_THREADS"), out var t) ? t : Environment.ProcessorCount, _options.EffectiveConcurrency);
        return Enumerable.Range(0, loops).Select(i => _options.EffectiveConcurrency / loops + (i < _options.EffectiveConcurrency % loops ? 1 : 0));
    }

    /// <summary>The closed loop on epoll when the options ask for it (validated: only where it is supported); an open loop always runs on sockets.</summary>
    bool UsesEpoll => !_options.IsOpenLoop && _options.Engine == LoadEngineKind.Epoll;

    // What the epoll loop needs to know about the run.
    internal LoadOptions Options => _options;
    internal RequestBytes Request => _request;
    internal long MeasureStart => _measureStart;
    internal long Deadline => _deadline;
    internal long HardStop => _hardStop;
    internal long TimeoutTicks => _timeout;
    internal bool Stopping => _stop;

    /// <summary>Measured requests sent so far (for a live progress bar).</summary>
    internal long MeasuredSoFar => Math.Min(Interlocked.Read(ref _measuredSent), _options.MaxRequests);

    /// <summary>Counts one more measured request; false (and the run stops) once MaxRequests were sent.</summary>
    internal bool TryCountMeasuredRequest()
    {
        if (Interlocked.Increment(ref _measuredSent) <= _options.MaxRequests) return true;
        _stop = true;
        return false;
    }

    static long Ticks(TimeSpan t) => (long)(t.TotalSeconds * Stopwatch.Frequency);
    static TimeSpan Seconds(long ticks) => TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);

    /// <summary>Runs the load once; <paramref name="cancel"/> stops sending early (requests in flight still end, within their timeout).</summary>
    public async Task<LoadResult> RunAsync(CancellationToken cancel = default)
    {
        using var stopOnCancel = cancel.Register(() => _stop = true);
        _cpuAtMeasureStart = Process.GetCurrentProcess().TotalProcessorTime;
        var watchdog = new Thread(Watch) { IsBackground = true, Name = "BackendLab load watchdog" };
        watchdog.Start();
        try
        {
            if (_options.IsOpenLoop) await RunOpenLoopAsync();
            else if (UsesEpoll) await Task.WhenAll(EpollShares().Select(n => new EpollClosedLoop(this, n).RunAsync()));
            else await Task.WhenAll(_connections.Select(UserAsync));
        }
        finally
        {
            _stop = true;
            _finished = true;
            foreach (var c in _connections) c.Dispose();
        }
        var end = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtMeasureStart;
        // The window throughput is measured over: the measured phase, or less when MaxRequests ended the run early.
        var window = Math.Max(Math.Min(end, _deadline) - _measureStart, 1);
        return LoadResultBuilder.Build(_url, _options, [.. _recorders.Values],
            Seconds(Math.Max(end - _measureStart, 1)), Seconds(window), cpu);
    }

    /// <summary>Closed loop: one simulated user on one connection, sending again as soon as it has an answer.</summary>
    async Task UserAsync(HttpConnection connection)
    {
        await Task.Yield(); // let every user start on the thread pool, not on the caller's thread
        while (!_stop)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= _deadline) return;
            if (started >= _measureStart && !TryCountMeasuredRequest()) return;
            var outcome = await connection.ExchangeAsync();
            Record(outcome, started, started); // decides whether it counts

            if (outcome.Failure is Failure.ConnectionRefused) await Task.Delay(5); // a dead server: don't spin
        }
    }

    /// <summary>Open loop: a dedicated thread releases requests on schedule (see <see cref="OpenLoopDispatcher"/>).</summary>
    async Task RunOpenLoopAsync()
    {
        var dispatcher = new OpenLoopDispatcher(_connections, Record);
        var pacer = new Thread(() => Pace(dispatcher)) { IsBackground = true, Name = "BackendLab load pacer" };
        pacer.Start();
        await dispatcher.AllDone;
    }

    void Pace(OpenLoopDispatcher dispatcher)
    {
        var interval = Stopwatch.Frequency / _options.Rate!.Value;
        long measured = 0;
        for (long i = 0; !_stop; i++)
        {
            var scheduled = _start + (long)(i * interval);
            if (scheduled >= _deadline) break;
            if (scheduled >= _measureStart && ++measured > _options.MaxRequests) break;
            PreciseClock.SleepUntil(scheduled);
            if (!dispatcher.TrySend(scheduled) && scheduled >= _measureStart)
                Record(Outcome.Of(Failure.Dropped), scheduled, scheduled);
        }
        dispatcher.Complete();
    }

    /// <summary>
    /// Called for EVERY request that ends, warm-up or measured; latency runs from <paramref name="started"/> (the schedule,
    /// in an open loop). It is counted (ok or error, latency, timeline) when it was sent in the measured phase, or, in a
    /// closed loop, when it was sent in the warm-up and ends after the measured phase started (while MaxRequests allows):
    /// such a request occupied a user during the measured phase. An answer that arrives inside the measured window
    /// also counts towards throughput (a success) or the error rate (anything else), whenever its request was sent.
    /// </summary>
    internal void Record(Outcome outcome, long started, long sent)
    {
        var now = Stopwatch.GetTimestamp();
        var inWindow = now >= _measureStart && now < _deadline;
        var counted = started >= _measureStart
            || (!_options.IsOpenLoop && now >= _measureStart && TryCountMeasuredRequest());
        if (!counted && !inWindow) return;
        var recorder = RecorderForThisThread();
        if (inWindow)
        {
            if (outcome.Answered) recorder.AnsweredInWindow++;
            if (outcome.Ok) recorder.OkInWindow++; else recorder.FailedInWindow++;
        }
        if (!counted) return;
        var second = (int)((now - _measureStart) / Stopwatch.Frequency);
        recorder.Record(outcome, (long)((now - started) * NanosecondsPerTimestamp), Math.Max(second, 0));
        if (sent - started > _lateAfter) recorder.Late++;
    }

    static readonly double NanosecondsPerTimestamp = 1e9 / Stopwatch.Frequency;

    LatencyRecorder RecorderForThisThread()
    {
        if (t_owner == this) return t_recorder!;
        var recorder = _recorders.GetOrAdd(Environment.CurrentManagedThreadId, _ => new LatencyRecorder());
        (t_owner, t_recorder) = (this, recorder);
        return recorder;
    }

    /// <summary>The watchdog thread: ends requests older than the timeout, and everything at the hard stop.</summary>
    void Watch()
    {
        var period = Math.Clamp(_timeout / 10, Stopwatch.Frequency / 200, Stopwatch.Frequency / 20);
        var cpuTaken = false;
        while (!_finished)
        {
            var now = Stopwatch.GetTimestamp();
            if (!cpuTaken && now >= _measureStart) { _cpuAtMeasureStart = Process.GetCurrentProcess().TotalProcessorTime; cpuTaken = true; }
            var hardStop = now >= _hardStop;
            if (hardStop) _stop = true;
            foreach (var c in _connections)
            {
                var since = c.InFlightSince;
                if (since != 0 && (now - since > _timeout || hardStop)) c.AbortTimedOut();
            }
            var next = cpuTaken ? now + period : Math.Min(now + period, _measureStart);
            PreciseClock.SleepUntil(next);
        }
    }
}
