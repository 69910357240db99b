using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BackendLab.Tests.Core;

/// <summary>The load engines a test can run here, and a server that closes every kept-alive connection after one answer.</summary>
static class LoadEngines
{
    /// <summary>Sockets everywhere, and Epoll where it is supported (Linux on x64, arm64).</summary>
    public static TheoryData<LoadEngineKind> OnThisMachine =>
        LoadOptions.BestEngine == LoadEngineKind.Epoll ? [LoadEngineKind.Sockets, LoadEngineKind.Epoll] : [LoadEngineKind.Sockets];

    /// <summary>
    /// A raw HTTP server on 127.0.0.1 that answers one request per connection with a keep-alive response ("ok", no
    /// <c>Connection: close</c>) and then closes the connection, <paramref name="closeAfterMs"/> later: the client only finds
    /// out when it sends the next request. Closed at once, the client reads an end of stream; closed 10 ms later, the
    /// client's next request is already there unread, so the close resets the connection. Dispose stops it.
    /// </summary>
    public static ClosingServer StartClosingServer(int closeAfterMs) => new(closeAfterMs);

    public sealed class ClosingServer : IDisposable
    {
        readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        readonly int _closeAfterMs;
        static readonly byte[] Answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        public ClosingServer(int closeAfterMs)
        {
            _closeAfterMs = closeAfterMs;
            _listener.Start(512);
            _ = AcceptAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

        async Task AcceptAsync()
        {
            while (true)
            {
                Socket socket;
                try { socket = await _listener.AcceptSocketAsync(); }
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
                _ = AnswerOnceAsync(socket);
            }
        }

        async Task AnswerOnceAsync(Socket socket)
        {
            using (socket)
            {
                try
                {
                    var buffer = new byte[4096];
                    var filled = 0;
                    while (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) < 0)
                    {
                        var n = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
                        if (n == 0) return;
                        filled += n;
                    }
                    await socket.SendAsync(Answer, SocketFlags.None);
                    if (_closeAfterMs > 0) await Task.Delay(_closeAfterMs);
                }
                catch (SocketException) { }
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
