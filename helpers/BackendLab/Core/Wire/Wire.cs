using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BackendLab;

/// <summary>
/// HTTP is text: send the exact characters of a request over a TCP connection and see the exact characters that come back.
/// <code>await Wire.SendAsync(server, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")</code>
/// Only addresses on this machine are allowed.
/// </summary>
public static class Wire
{
    /// <summary>How long <see cref="SendAsync(Uri, string, TimeSpan?)"/> waits for a complete response when no timeout is given: 5 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Opens a TCP connection to <paramref name="address"/> (its host and port), writes <paramref name="rawRequest"/> exactly as given
    /// (UTF-8, line endings untouched — HTTP wants "\r\n"; see <see cref="Request"/>), and reads one response:
    /// up to its Content-Length, its last chunk, or the server closing the connection.
    /// </summary>
    /// <param name="address">The server, e.g. <c>server.BaseAddress</c>; must be 127.x.x.x, localhost or ::1.</param>
    /// <param name="rawRequest">The request text, head and body.</param>
    /// <param name="timeout">How long to wait for the whole response. Default: 5 seconds. If it runs out, the result has <c>TimedOut = true</c> and whatever did arrive.</param>
    public static async Task<WireExchange> SendAsync(Uri address, string rawRequest, TimeSpan? timeout = null)
    {
        Loopback.Require(address);
        ArgumentNullException.ThrowIfNull(rawRequest);
        var limit = timeout ?? DefaultTimeout;
        if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), limit, "The timeout must be positive.");

        var request = Encoding.UTF8.GetBytes(rawRequest);
        var isHead = rawRequest.StartsWith("HEAD ", StringComparison.Ordinal);
        using var cancel = new CancellationTokenSource(limit);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var clock = Stopwatch.StartNew();
        HttpResponseReader? reader = null;
        var timedOut = false;
        try
        {
            await socket.ConnectAsync(new IPEndPoint(HostAddress(address), address.Port), cancel.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync(request, cancel.Token);
            reader = new HttpResponseReader(stream, isHead);
            await reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { timedOut = true; }
        catch (IOException) { } // the server reset the connection: show what arrived
        return new WireExchange(request, reader?.Received ?? [], reader?.StatusCode, reader?.Headers ?? [], reader?.Body ?? [],
            clock.Elapsed, timedOut, limit);
    }

    /// <inheritdoc cref="SendAsync(Uri, string, TimeSpan?)"/>
    public static Task<WireExchange> SendAsync(RunningServer server, string rawRequest, TimeSpan? timeout = null) =>
        SendAsync((server ?? throw new ArgumentNullException(nameof(server))).BaseAddress, rawRequest, timeout);

    /// <inheritdoc cref="SendAsync(Uri, string, TimeSpan?)"/>
    public static Task<WireExchange> SendAsync(string address, string rawRequest, TimeSpan? timeout = null) =>
        SendAsync(Loopback.Require(address), rawRequest, timeout);

    /// <summary>
    /// Builds a correct HTTP/1.1 request text: request line, <c>Host</c>, your headers, and — when there is a body —
    /// <c>Content-Length</c> (its size in UTF-8 bytes), each line ending in "\r\n", then a blank line and the body.
    /// </summary>
    /// <param name="method">GET, POST…</param>
    /// <param name="path">The path and query, e.g. <c>/items?page=2</c>.</param>
    /// <param name="host">The Host header, e.g. <c>server.BaseAddress.Authority</c> ("127.0.0.1:40123").</param>
    /// <param name="headers">More headers, e.g. <c>new Dictionary&lt;string, string&gt; { ["Content-Type"] = "application/json" }</c>. Default: none.</param>
    /// <param name="body">The body, or null for none (then no Content-Length is sent).</param>
    public static string Request(string method, string path, string host, IDictionary<string, string>? headers = null, string? body = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        var text = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {host}\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Host", StringComparison.OrdinalIgnoreCase))
                text.Append($"{name}: {value}\r\n");
        if (body is not null) text.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n");
        return text.Append("\r\n").Append(body).ToString();
    }

    static IPAddress HostAddress(Uri address) =>
        IPAddress.TryParse(address.IdnHost, out var ip) ? ip : IPAddress.Loopback; // Loopback.Require allows only "localhost" as a name
}
