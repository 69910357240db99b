using System.Diagnostics;
using System.Net.Sockets;

namespace BackendLab.LoadEngine;

/// <summary>
/// The closed loop on Linux: a dedicated thread drives its share of the connections through epoll, as wrk does
/// (one such loop per core, like <c>wrk -t</c>).
/// Per request it costs one send and one receive system call and no thread hop, and it never uses the .NET
/// thread pool, so a server in the same process that starves its pool cannot starve the measurement too.
/// Timeouts, the deadline and the hard stop are checked on the same thread every few milliseconds.
/// </summary>
internal sealed partial class EpollClosedLoop(LoadRun run, int connections)
{
    readonly Conn[] _conns = [.. Enumerable.Range(0, connections).Select(i => new Conn(i, run.Request))];
    Epoll _epoll = null!;
    int _active;

    /// <summary>Runs the loop on a new thread; completes when every connection is done.</summary>
    public Task RunAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try { Loop(); done.SetResult(); }
            catch (Exception e) { done.SetException(e); }
            finally { foreach (var c in _conns) c.Socket?.Dispose(); }
        }) { IsBackground = true, Name = "BackendLab load loop" }.Start();
        return done.Task;
    }

    void Loop()
    {
        using var epoll = _epoll = new Epoll(_conns.Length);
        _active = _conns.Length;
        foreach (var c in _conns) Start(c);
        var scanEvery = Stopwatch.Frequency / 200; // 5 ms
        var lastScan = Stopwatch.GetTimestamp();
        while (_active > 0)
        {
            var n = epoll.Wait(5);
            for (var i = 0; i < n; i++)
            {
                var (id, events) = epoll.Event(i);
                OnReady(_conns[id], events);
            }
            var now = Stopwatch.GetTimestamp();
            if (now - lastScan >= scanEvery) { Scan(now); lastScan = now; }
        }
    }

    /// <summary>Timeouts, the hard stop, and connections waiting to retry.</summary>
    void Scan(long now)
    {
        var hardStop = now >= run.HardStop;
        foreach (var c in _conns)
        {
            if (c.State is State.Connecting or State.Sending or State.Receiving && (hardStop || now - c.Started > run.TimeoutTicks)) Fail(c, Failure.Timeout);
            else if (c.State == State.Backoff && (hardStop || now >= c.RetryAt)) Start(c);
        }
    }

    /// <summary>The user's next request, unless the run is over.</summary>
    void Start(Conn c)
    {
        var now = Stopwatch.GetTimestamp();
        c.Measured = now >= run.MeasureStart;
        if (now >= run.Deadline || run.Stopping || (c.Measured && !run.TryCountMeasuredRequest()))
        {
            c.State = State.Done;
            _active--;
            return;
        }
        c.Started = now;
        c.Retried = false;
        Send(c);
    }

    void Send(Conn c)
    {
        c.Reused = c.Socket is not null;
        if (c.Socket is null) { Connect(c); return; }
        c.Reader.Reset();
        c.Written = 0;
        c.State = State.Sending;
        WriteMore(c);
    }

    /// <summary>
    /// A non-blocking connect, finished when epoll says the socket is writable. Deliberately not Socket.ConnectAsync:
    /// that would register the socket with .NET's own epoll thread too, which would then wake up for every response.
    /// </summary>
    void Connect(Conn c)
    {
        var socket = new Socket(run.Request.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
        try { socket.Connect(run.Request.EndPoint); }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress) { }
        catch (SocketException e)
        {
            socket.Dispose();
            Fail(c, Failures.Of(e.SocketErrorCode));
            return;
        }
        c.Socket = socket;
        c.State = State.Connecting;
        c.WantsOut = true;
        _epoll.Register((int)socket.Handle, Epoll.In | Epoll.Out, c.Id);
    }

    void Connected(Conn c)
    {
        var error = (SocketError)(int)c.Socket!.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        if (error != SocketError.Success) { CloseSocket(c); Fail(c, Failures.Of(error)); return; }
        c.Reader.Reset();
        c.Written = 0;
        c.State = State.Sending;
        WriteMore(c);
    }

    void WriteMore(Conn c)
    {
        var bytes = run.Request.Bytes;
        while (c.Written < bytes.Length)
        {
            var n = c.Socket!.Send(bytes, c.Written, bytes.Length - c.Written, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock) { Want(c, Epoll.In | Epoll.Out); return; }
            if (error != SocketError.Success) { RetryOrFail(c, Failures.Of(error)); return; }
            c.Written += n;
        }
        if (c.WantsOut) Want(c, Epoll.In);
        c.State = State.Receiving;
    }

    void Want(Conn c, uint events)
    {
        c.WantsOut = (events & Epoll.Out) != 0;
        _epoll.Change((int)c.Socket!.Handle, events, c.Id);
    }

    void OnReady(Conn c, uint events)
    {
        switch (c.State)
        {
            case State.Connecting when (events & (Epoll.Out | Epoll.Error | Epoll.HangUp)) != 0:
                Connected(c);
                break;
            case State.Sending when (events & (Epoll.Out | Epoll.Error | Epoll.HangUp)) != 0:
                WriteMore(c);
                break;
            case State.Receiving:
                Read(c);
                break;
            case State.Idle or State.Backoff or State.Done when c.Socket is not null:
                CloseSocket(c); // the server closed a connection we were not using
                break;
        }
    }

    void Read(Conn c)
    {
        var n = c.Socket!.Receive(c.Reader.Free.Span, SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock) return;
        if (error != SocketError.Success) { RetryOrFail(c, Failures.Of(error)); return; }
        if (n == 0)
        {
            CloseSocket(c);
            if (c.Reader.Closed()) Complete(c);
            else RetryOrFail(c, Failure.ConnectionClosed);
            return;
        }
        if (!c.Reader.Received(n)) { CloseSocket(c); Fail(c, Failure.BadResponse); return; }
        if (c.Reader.Done) Complete(c);
    }

    void Complete(Conn c)
    {
        if (!c.Reader.KeepAlive) CloseSocket(c);
        Finish(c, new Outcome(c.Reader.Status, Failure.None));
        Start(c);
    }

    /// <summary>A kept-alive connection the server had already closed: retry once on a fresh one, as browsers do.</summary>
    void RetryOrFail(Conn c, Failure failure)
    {
        CloseSocket(c);
        if (c.Reused && !c.Retried && !c.Reader.Started) { c.Retried = true; Send(c); }
        else Fail(c, failure);
    }

    void Fail(Conn c, Failure failure)
    {
        CloseSocket(c);
        Finish(c, Outcome.Of(failure));
        if (failure == Failure.ConnectionRefused) { c.State = State.Backoff; c.RetryAt = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 200; }
        else Start(c);
    }
}
