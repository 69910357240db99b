using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// When the pieces of one response arrived (Lesson 4): the headers, the first body byte, and every later chunk,
/// measured by <see cref="FirstByteTiming.MeasureAsync"/>. Compares a buffered response (everything at the end)
/// with a streamed one (a little at a time).
/// </summary>
/// <param name="Label">The name used in tables and charts, e.g. "buffered".</param>
/// <param name="StatusCode">The response's status code.</param>
/// <param name="HeadersMs">From sending to having the status line and headers, in milliseconds.</param>
/// <param name="FirstByteMs">From sending to the first byte of the body: the time to first byte, in milliseconds.</param>
/// <param name="TotalMs">From sending to the last byte of the body, in milliseconds.</param>
/// <param name="Bytes">The body's size in bytes.</param>
/// <param name="Arrivals">Each chunk as it arrived: (ms since sending, body bytes received so far).</param>
public sealed record StreamTiming(string Label, int StatusCode, double HeadersMs, double FirstByteMs, double TotalMs, long Bytes,
    IReadOnlyList<(double Ms, long BytesSoFar)> Arrivals) : IHtmlContent
{
    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => FirstByteTiming.Table(this).WriteTo(writer, encoder);

    /// <summary>One line: <c>buffered: headers 1001 ms, first byte 1001 ms, all 1002 ms, 1234 bytes</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Label}: headers {HeadersMs:0.#} ms, first byte {FirstByteMs:0.#} ms, all {TotalMs:0.#} ms, {Bytes} bytes");
}

/// <summary>Measures time to first byte and how a response's body arrives over time (Lesson 4).</summary>
public static class FirstByteTiming
{
    /// <summary>
    /// Sends a GET for <paramref name="path"/> and reads the body as it arrives, noting the time of each chunk.
    /// The response is read with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, so nothing is buffered on our side.
    /// </summary>
    /// <param name="client">A client whose base address is the server (e.g. a running server's Client).</param>
    /// <param name="path">The path to GET.</param>
    /// <param name="label">The name used in tables and charts. Default: the path.</param>
    public static async Task<StreamTiming> MeasureAsync(HttpClient client, string path, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.BaseAddress is not null) Loopback.Require(client.BaseAddress);
        var arrivals = new List<(double, long)>();
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var headers = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16 * 1024];
        long total = 0;
        double first = double.NaN;
        int n;
        while ((n = await body.ReadAsync(buffer)) > 0)
        {
            var at = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (total == 0) first = at;
            total += n;
            arrivals.Add((at, total));
        }
        var end = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return new StreamTiming(label ?? path, (int)response.StatusCode, headers, double.IsNaN(first) ? end : first, end, total, arrivals);
    }

    /// <summary>A table of several timings side by side.</summary>
    public static HtmlTable Table(params StreamTiming[] timings)
    {
        var table = new HtmlTable("Time to first byte")
            .Column("response").Column("headers ms", "status line and headers received")
            .Column("first byte ms", "first byte of the body received: the time to first byte (TTFB)")
            .Column("last byte ms", "the whole body received").Column("bytes").Column("chunks", "separate reads that returned data");
        foreach (var t in timings) table.Row(t.Label, t.HeadersMs, t.FirstByteMs, t.TotalMs, t.Bytes, t.Arrivals.Count);
        return table;
    }

    /// <summary>A chart of body bytes received over time, one line per response: a buffered body jumps at the end, a streamed one climbs.</summary>
    public static Chart Chart(params StreamTiming[] timings)
    {
        var chart = BackendLab.Chart.Line("Body bytes received over time").XAxis("ms since the request was sent").YAxis("bytes received");
        foreach (var t in timings)
        {
            var xs = new List<double> { t.HeadersMs };
            var ys = new List<double> { 0 };
            foreach (var (ms, bytes) in t.Arrivals) { xs.Add(ms); ys.Add(bytes); }
            chart.Add(t.Label, xs, ys);
        }
        return chart;
    }
}
