using System.Net.Sockets;
using System.Text;

namespace BackendLab;

/// <summary>
/// Just enough HTTP/1.1 to write a server by hand on a raw TCP connection: read a request's head, write a response.
/// Defined in lesson 3.
/// </summary>
public static class RawHttp
{
    /// <summary>The longest request head <see cref="ReadRequestHeadAsync"/> accepts: 16 KB (Kestrel's default is 32 KB).</summary>
    public const int MaxHeadBytes = 16 * 1024;

    /// <summary>
    /// Reads bytes from <paramref name="stream"/> until the blank line that ends a request's head ("\r\n\r\n") and returns
    /// the head as text, e.g. <c>"GET /hello HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n"</c>. Returns what arrived if the
    /// client closes the connection first (empty when it sent nothing).
    /// </summary>
    /// <exception cref="InvalidDataException">The head is longer than <see cref="MaxHeadBytes"/>.</exception>
    public static async Task<string> ReadRequestHeadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var received = new List<byte>(512);
        var buffer = new byte[1024];
        while (!EndsHead(received))
        {
            // One byte at a time past the first read would be slow; a request's head usually arrives in one read.
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) break;
            received.AddRange(buffer.AsSpan(0, read));
            if (received.Count > MaxHeadBytes) throw new InvalidDataException($"The request head is longer than {MaxHeadBytes} bytes.");
        }
        return Encoding.ASCII.GetString(received.ToArray());
    }

    /// <summary>
    /// Writes a complete response: status line, <c>Content-Type: text/plain</c>, <c>Content-Length</c>,
    /// <c>Connection: close</c> (this server answers one request per connection), your headers, a blank line, the body.
    /// </summary>
    /// <param name="stream">The connection.</param>
    /// <param name="status">The status code, e.g. 200.</param>
    /// <param name="body">The body text (sent as UTF-8).</param>
    /// <param name="headers">More headers, e.g. <c>["X-Served-By: raw"]</c>. Default: none.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static async Task WriteResponseAsync(Stream stream, int status, string body, IEnumerable<string>? headers = null,
        CancellationToken cancellationToken = default)
    {
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append($"Content-Length: {bodyBytes.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers ?? []) head.Append(header).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(bodyBytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>The request line's target, e.g. <c>"/hello?x=1"</c> from <c>"GET /hello?x=1 HTTP/1.1"</c>; empty if the head has none.</summary>
    public static string PathOf(string head)
    {
        var parts = head.Split("\r\n", 2)[0].Split(' ');
        return parts.Length >= 2 ? parts[1] : "";
    }

    static bool EndsHead(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    static string ReasonPhrase(int status) => status switch
    {
        200 => "OK", 201 => "Created", 204 => "No Content", 400 => "Bad Request", 404 => "Not Found",
        405 => "Method Not Allowed", 500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status",
    };
}
