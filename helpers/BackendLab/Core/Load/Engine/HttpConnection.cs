using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace BackendLab.LoadEngine;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a pre-encoded request and reads the response.
/// Written by hand on <see cref="Socket"/> (no HttpClient) because HttpClient's per-request work costs about
/// a third of the throughput a 2-core machine can generate; this path allocates nothing per request.
/// The run's watchdog thread aborts the socket when a request exceeds the timeout.
/// </summary>
internal sealed class HttpConnection(RequestBytes request) : IDisposable
{
    readonly ResponseReader _reader = new() { HeadRequest = request.IsHead };
    Socket? _socket;
    long _sendStarted;      // Stopwatch timestamp while a request is in flight, else 0 (read by the watchdog)
    volatile bool _timedOut;

    /// <summary>When the request in flight was started (Stopwatch timestamp), or 0 when idle.</summary>
    public long InFlightSince => Volatile.Read(ref _sendStarted);

    /// <summary>
    /// Sends the request and reads the whole response; never throws. A kept-alive connection the server had already
    /// closed (the send fails, or the connection ends before any byte of the response) is retried once on a fresh one,
    /// as browsers do, and as the epoll engine does.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Outcome> ExchangeAsync()
    {
        if (_timedOut) { _timedOut = false; CloseSocket(); } // the watchdog fired just as the previous request finished
        Volatile.Write(ref _sendStarted, Stopwatch.GetTimestamp());
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var reused = _socket is not null;
                var canRetry = reused && attempt == 0;
                _reader.Reset();
                var failure = await TryExchangeAsync();
                if (failure == Failure.None) return new Outcome(_reader.Status, Failure.None);
                CloseSocket();
                if (_timedOut) { _timedOut = false; return Outcome.Of(Failure.Timeout); }
                // A socket error or an early close before any byte of the response (not a malformed response).
                var stale = failure != Failure.BadResponse && !_reader.Started;
                if (!(canRetry && stale)) return Outcome.Of(failure);
            }
        }
        finally
        {
            Volatile.Write(ref _sendStarted, 0);
        }
    }

    /// <summary>One attempt on the current connection (or a new one): Failure.None when a whole response was read.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    async ValueTask<Failure> TryExchangeAsync()
    {
        try
        {
            var socket = _socket ?? await ConnectAsync();
            await socket.SendAsync(request.Bytes, SocketFlags.None);
            while (!_reader.Done)
            {
                var n = await socket.ReceiveAsync(_reader.Free, SocketFlags.None);
                if (n == 0) return _reader.Closed() ? Closed() : Failure.ConnectionClosed;
                if (!_reader.Received(n)) return Failure.BadResponse;
            }
            if (!_reader.KeepAlive) CloseSocket();
            return Failure.None;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            return Classify(e);
        }
    }

    /// <summary>A response framed by the connection closing is complete: the connection is gone.</summary>
    Failure Closed()
    {
        CloseSocket();
        return Failure.None;
    }

    async ValueTask<Socket> ConnectAsync()
    {
        var socket = new Socket(request.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket = socket; // so that the watchdog can abort a connect that takes too long
        if (_timedOut) socket.Dispose();
        await socket.ConnectAsync(request.EndPoint);
        return socket;
    }

    /// <summary>Called by the watchdog: the request in flight took too long; closing the socket ends it as a timeout.</summary>
    public void AbortTimedOut()
    {
        _timedOut = true;
        _socket?.Dispose();
    }

    void CloseSocket()
    {
        _socket?.Dispose();
        _socket = null;
    }

    static Failure Classify(Exception e) => e is SocketException s ? Failures.Of(s.SocketErrorCode) : Failure.Other;

    public void Dispose() => CloseSocket();
}
