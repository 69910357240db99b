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

    /// <summary>Sends the request and reads the whole response; never throws.</summary>
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
                var socket = _socket ??= await ConnectAsync();
                await socket.SendAsync(request.Bytes, SocketFlags.None);
                _reader.Reset();
                while (!_reader.Done)
                {
                    var n = await socket.ReceiveAsync(_reader.Free, SocketFlags.None);
                    if (n == 0)
                    {
                        CloseSocket();
                        if (_reader.Closed()) break;
                        // A kept-alive connection the server had already closed: retry once on a fresh one, as browsers do.
                        if (reused && attempt == 0 && !_reader.Started) goto retry;
                        return Outcome.Of(Failure.ConnectionClosed);
                    }
                    if (!_reader.Received(n)) { CloseSocket(); return Outcome.Of(Failure.BadResponse); }
                }
                if (!_reader.KeepAlive) CloseSocket();
                return new Outcome(_reader.Status, Failure.None);
            retry:;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            CloseSocket();
            var failure = _timedOut ? Failure.Timeout : Classify(e);
            _timedOut = false;
            return Outcome.Of(failure);
        }
        finally
        {
            Volatile.Write(ref _sendStarted, 0);
        }
    }

    async ValueTask<Socket> ConnectAsync()
    {
        var socket = new Socket(request.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try { await socket.ConnectAsync(request.EndPoint); }
        catch { socket.Dispose(); throw; }
        _socket = socket;
        if (_timedOut) socket.Dispose(); // the watchdog fired while we were connecting
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
