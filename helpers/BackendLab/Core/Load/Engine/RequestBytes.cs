using System.Net;
using System.Text;

namespace BackendLab.LoadEngine;

/// <summary>One request, encoded once as HTTP/1.1 bytes and sent as-is every time (no per-request work).</summary>
internal sealed class RequestBytes
{
    public required IPEndPoint EndPoint { get; init; }
    public required byte[] Bytes { get; init; }
    public required bool IsHead { get; init; }

    public static RequestBytes From(string url, LoadOptions options)
    {
        var uri = Loopback.Require(url);
        var ip = IPAddress.TryParse(uri.IdnHost, out var parsed) ? parsed : IPAddress.Loopback; // "localhost"
        var text = new StringBuilder()
            .Append(options.Method.ToUpperInvariant()).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(uri.Authority).Append("\r\n");
        var body = options.Body is null ? [] : Encoding.UTF8.GetBytes(options.Body);
        if (options.Body is not null)
            text.Append("Content-Type: ").Append(options.ContentType).Append("\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        text.Append("\r\n");
        return new()
        {
            EndPoint = new IPEndPoint(ip, uri.Port),
            Bytes = [.. Encoding.ASCII.GetBytes(text.ToString()), .. body],
            IsHead = options.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase),
        };
    }
}
