using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BackendLab.Lessons.L03ClientServer;

/// <summary>
/// One TCP connection to a server, timed step by step: connect, each request and its response, who closes, and how long
/// until the closed connection shows in the operating system's socket table as <c>TIME_WAIT</c>
/// (<see cref="TcpSockets"/>). <see cref="Picture"/> draws it as a sequence diagram. Defined in lesson 3.
/// </summary>
/// <param name="Path">The path requested.</param>
/// <param name="KeepAlive">True: the connection stayed open between requests and the client closed it; false: the last request said <c>Connection: close</c> and the server closed.</param>
/// <param name="ConnectMs">The TCP handshake, as the client's <c>ConnectAsync</c> saw it.</param>
/// <param name="ResponseMs">Each request's time, from writing its first byte to reading its response's last.</param>
/// <param name="ResponseBytes">Each response's size, head and body.</param>
/// <param name="StatusLine">The first response's status line, e.g. <c>HTTP/1.1 200 OK</c>.</param>
/// <param name="ClosedBy">"client" or "server": the side that closed first, which is the side that keeps <c>TIME_WAIT</c>.</param>
/// <param name="CloseMs">Client closes: how long its close took; server closes: from the last response to the server's end-of-stream.</param>
/// <param name="TimeWaitAfterMs">How long after the close the socket table showed <c>TIME_WAIT</c> for this connection's ports, or null when it did not within 1 s (or the OS gives no table).</param>
/// <param name="ClientPort">The client's ephemeral port.</param>
public sealed record ConnectionTrace(string Path, bool KeepAlive, double ConnectMs, IReadOnlyList<double> ResponseMs, IReadOnlyList<int> ResponseBytes,
    string StatusLine, string ClosedBy, double CloseMs, double? TimeWaitAfterMs, int ClientPort)
{
    /// <summary>
    /// Opens a connection to <paramref name="server"/>, sends <paramref name="requests"/> GET requests on it one after another,
    /// and closes: the client closes when <paramref name="keepAlive"/> is true, else the last request says <c>Connection: close</c>
    /// and the server closes. Stops after 5 s at most.
    /// </summary>
    public static async Task<ConnectionTrace> RunAsync(ServerHandle server, string path = "/", int requests = 2, bool keepAlive = true)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests, 10);
        Loopback.Require(server.Url);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var tcp = new TcpClient();
        try
        {
            var clock = Stopwatch.StartNew();
            await tcp.ConnectAsync(IPAddress.Loopback, server.Port, stop.Token);
            var connectMs = clock.Elapsed.TotalMilliseconds;
            var clientPort = ((IPEndPoint)tcp.Client.LocalEndPoint!).Port;
            var stream = tcp.GetStream();
            var (times, sizes) = (new List<double>(), new List<int>());
            var status = "";
            for (var i = 0; i < requests; i++)
            {
                var close = !keepAlive && i == requests - 1;
                var text = $"GET {path} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\n{(close ? "Connection: close\r\n" : "")}\r\n";
                var start = Stopwatch.GetTimestamp();
                await stream.WriteAsync(Encoding.ASCII.GetBytes(text), stop.Token);
                var (head, size) = await ReadResponseAsync(stream, stop.Token);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                sizes.Add(size);
                if (i == 0) status = head[..head.IndexOf('\r')];
            }
            var closing = Stopwatch.GetTimestamp();
            if (!keepAlive)
                while (await stream.ReadAsync(new byte[1], stop.Token) > 0) { } // the server's end-of-stream: it closed first
            tcp.Dispose();
            var closeMs = Stopwatch.GetElapsedTime(closing).TotalMilliseconds;
            var closed = Stopwatch.GetTimestamp();
            double? timeWait = null;
            while (Stopwatch.GetElapsedTime(closed) < TimeSpan.FromSeconds(1))
            {
                if (TcpSockets.Count(clientPort) is { IsSupported: true, TimeWait: > 0 }) { timeWait = Stopwatch.GetElapsedTime(closed).TotalMilliseconds; break; }
                if (!TcpSockets.Count(clientPort).IsSupported) break;
                await Task.Delay(1);
            }
            return new ConnectionTrace(path, keepAlive, connectMs, times, sizes, status, keepAlive ? "client" : "server", closeMs, timeWait, clientPort);
        }
        finally { tcp.Dispose(); }
    }

    /// <summary>The connection as a sequence diagram: client, server and the OS's socket table, each arrow with its measured time.</summary>
    public Picture Picture()
    {
        var steps = new List<SequenceStep> { new("client", "server", $"TCP connect (port {ClientPort} → server)", ConnectMs) };
        for (var i = 0; i < ResponseMs.Count; i++)
        {
            var last = i == ResponseMs.Count - 1;
            steps.Add(new("client", "server", $"GET {Path}{(i > 0 ? ", same connection" : "")}{(!KeepAlive && last ? ", Connection: close" : "")}"));
            steps.Add(new("server", "client", $"{(i == 0 ? StatusLine : "response")}, {ResponseBytes[i]} bytes", ResponseMs[i]));
        }
        steps.Add(ClosedBy == "client"
            ? new("client", "server", "client closes (FIN)", CloseMs)
            : new("server", "client", "server closes (FIN)", CloseMs));
        steps.Add(new(ClosedBy, "socket table", TimeWaitAfterMs is null ? "TIME_WAIT not seen (no socket table here)" : $"{ClosedBy} closed first: TIME_WAIT seen (kept ~60 s on Linux)", TimeWaitAfterMs));
        return SequenceDiagram.Draw($"One connection, {(KeepAlive ? "kept alive" : "closed by the server")}: {ResponseMs.Count} request(s)",
            ["client", "server", "socket table"], [.. steps]);
    }

    private static async Task<(string Head, int Size)> ReadResponseAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = await ReadUntilAsync(stream, "\r\n\r\n", ct);
        var lines = head.Split("\r\n");
        string? Header(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
        var size = head.Length;
        if (Header("Content-Length") is { } length)
        {
            var body = new byte[int.Parse(length, CultureInfo.InvariantCulture)];
            await stream.ReadExactlyAsync(body, ct);
            return (head, size + body.Length);
        }
        if (!string.Equals(Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
            throw new IOException("The response has neither Content-Length nor chunked encoding; this trace cannot tell where it ends.");
        while (true) // chunked: "size in hex\r\n", the bytes, "\r\n"; a size of 0 ends the body
        {
            var sizeLine = await ReadUntilAsync(stream, "\r\n", ct);
            var chunk = int.Parse(sizeLine.Trim().Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var data = new byte[chunk + 2];
            await stream.ReadExactlyAsync(data, ct);
            size += sizeLine.Length + data.Length;
            if (chunk == 0) return (head, size);
        }
    }

    private static async Task<string> ReadUntilAsync(NetworkStream stream, string end, CancellationToken ct)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (!text.ToString(Math.Max(0, text.Length - end.Length), Math.Min(end.Length, text.Length)).Equals(end, StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, ct) == 0) throw new IOException("The server closed the connection in the middle of a response.");
            text.Append((char)one[0]);
            if (text.Length > RawHttp.MaxHeadBytes) throw new IOException("The response's head is too long.");
        }
        return text.ToString();
    }
}
