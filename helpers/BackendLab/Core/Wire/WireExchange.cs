using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// One request and its response as raw text, from <see cref="Wire.SendAsync(Uri, string, TimeSpan?)"/>.
/// Shows both directions in monospace with the invisible line endings drawn as \\r\\n.
/// </summary>
public sealed class WireExchange : IHtmlContent
{
    internal WireExchange(byte[] request, byte[] response, int? statusCode, IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body, TimeSpan elapsed, bool timedOut, TimeSpan timeout)
    {
        (RequestText, ResponseText) = (Encoding.UTF8.GetString(request), Encoding.UTF8.GetString(response));
        (RequestBytes, ResponseBytes, StatusCode, Elapsed, TimedOut, _timeout) = (request.Length, response.Length, statusCode, elapsed, timedOut, timeout);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers) byName[name] = byName.TryGetValue(name, out var before) ? $"{before}, {value}" : value;
        Headers = byName;
        Body = Encoding.UTF8.GetString(body);
    }

    readonly TimeSpan _timeout;

    /// <summary>The request exactly as sent.</summary>
    public string RequestText { get; }

    /// <summary>The response exactly as received (with chunk sizes if the server sent chunks), or what arrived before the timeout.</summary>
    public string ResponseText { get; }

    /// <summary>How many bytes were sent.</summary>
    public int RequestBytes { get; }

    /// <summary>How many bytes came back, head and body.</summary>
    public int ResponseBytes { get; }

    /// <summary>The status code from the response's first line (200, 404…), or null if no complete response head arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The response headers by name (any capitalisation: <c>Headers["content-type"]</c>); repeated headers are joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The response body as text (chunks joined back together).</summary>
    public string Body { get; }

    /// <summary>Time from opening the connection to the end of the response.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True when the response did not finish within the timeout (often: the server is still waiting for the rest of the request).</summary>
    public bool TimedOut { get; }

    /// <summary>A short summary, e.g. <c>200 in 3.1 ms (38 bytes sent, 142 received)</c>.</summary>
    public override string ToString() => TimedOut
        ? $"no complete response within {Durations.Format(_timeout)} ({RequestBytes} bytes sent, {ResponseBytes} received)"
        : $"{(StatusCode?.ToString() ?? "no response")} in {Durations.Format(Elapsed)} ({RequestBytes} bytes sent, {ResponseBytes} received)";

    /// <summary>Both directions, stacked, in monospace, with <c>\\r</c> and <c>\\n</c> drawn where the line endings are.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        const string pre = "margin:2px 0 8px;padding:6px;border:1px solid rgba(128,128,128,.4);border-radius:4px;white-space:pre-wrap;word-break:break-all";
        writer.Write($"<div class=\"backendlab-wire\" style=\"{Html.Font}\">");
        writer.Write($"<div><b>→ request</b> ({RequestBytes} bytes)</div><pre style=\"{Html.Mono};{pre}\">{Visible(RequestText)}</pre>");
        writer.Write($"<div><b>← response</b> ({ResponseBytes} bytes)</div><pre style=\"{Html.Mono};{pre}\">{Visible(ResponseText)}</pre>");
        writer.Write($"<div style=\"opacity:.8\">{Html.Encode(ToString())} — \\r\\n marks the invisible line ending (CR LF) HTTP puts after every header line.</div></div>");
    }

    /// <summary>HTML-encoded text with CR and LF drawn as faded <c>\r</c> <c>\n</c>, cut after 4000 characters.</summary>
    /// <remarks>Plain ASCII marks rather than the Unicode control pictures (␍ ␊), which many monospace fonts lack.</remarks>
    static string Visible(string text)
    {
        var shown = text.Length > 4000 ? text[..4000] : text;
        var lines = shown.Split('\n').Select(line => string.Join(Mark("\\r"), line.Split('\r').Select(Html.Encode)));
        var html = string.Join(Mark("\\n") + "\n", lines);
        return text.Length > 4000 ? html + $"\n… ({text.Length - 4000} more characters)" : html;
    }

    static string Mark(string escape) => $"<span class=\"eol\" style=\"opacity:.45\">{escape}</span>";
}
