using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// The first requests to a freshly started server: how long the process took to start listening, how long each of
/// its first requests took, and how much JIT compiling they caused. The first request pays for compiling the code
/// it runs; later ones reuse it.
/// <code>var cold = await ColdStart.MeasureAsync();   // starts its own lab server, "cold"
/// cold.FirstRequest / cold.WarmMedian</code>
/// </summary>
public sealed record ColdStart : IHtmlContent
{
    /// <summary>From starting the server process until it listened.</summary>
    public required TimeSpan StartupTime { get; init; }
    /// <summary>Each request's latency, seen by this notebook (whose HTTP client was warmed up beforehand), in order.</summary>
    public required IReadOnlyList<TimeSpan> Latencies { get; init; }
    /// <summary>The server's JIT report: compiling done at start-up and after each request.</summary>
    public required JitReport Jit { get; init; }
    /// <summary>The path requested, e.g. <c>/plaintext</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The first request's latency.</summary>
    public TimeSpan FirstRequest => Latencies[0];
    /// <summary>The median latency of the requests after the first five (the warm server).</summary>
    public TimeSpan WarmMedian => LatencySummary.Of([.. Latencies.Skip(5).DefaultIfEmpty(Latencies[^1])]).P50;
    /// <summary>Methods the JIT compiled while the server handled the first request.</summary>
    public long MethodsCompiledByFirstRequest => Jit.AfterRequest.Count == 0 ? 0 : Jit.AfterRequest[0].MethodsCompiled - Jit.AtStart.MethodsCompiled;
    /// <summary>Time the JIT spent compiling while the server handled the first request.</summary>
    public TimeSpan JitTimeOfFirstRequest => Jit.AfterRequest.Count == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Jit.AfterRequest[0].JitMs - Jit.AtStart.JitMs);
    /// <summary>Methods compiled while the server handled all later requests together.</summary>
    public long MethodsCompiledByLaterRequests => Jit.AfterRequest.Count < 2 ? 0 : Jit.AfterRequest[^1].MethodsCompiled - Jit.AfterRequest[0].MethodsCompiled;

    /// <summary>
    /// Starts a fresh lab server named <paramref name="name"/> (replacing one of that name), sends it
    /// <paramref name="requests"/> requests one after another, and reads its JIT report.
    /// </summary>
    /// <param name="requests">How many requests, 2 to 20. Default 20.</param>
    /// <param name="path">What to request. Default <c>/plaintext</c>.</param>
    /// <param name="name">The lab server's name. Default "cold".</param>
    public static async Task<ColdStart> MeasureAsync(int requests = 20, string path = "/plaintext", string name = "cold")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests, 20);
        using var client = new HttpClient(new LoopbackHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        await WarmUpAsync(client); // so the client's own first-call costs are not blamed on the server

        var started = Stopwatch.GetTimestamp();
        var lab = await LabProcess.StartAsync(name);
        var startup = Stopwatch.GetElapsedTime(started);
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < requests; i++)
        {
            var t = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(lab.Url + path);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(t));
        }
        return new ColdStart { StartupTime = startup, Latencies = latencies, Jit = await lab.GetJitReportAsync(), Path = path };
    }

    // Runs the client's request path twice against a throwaway loopback listener that answers "200 ok".
    static async Task WarmUpAsync(HttpClient client)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var serve = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                var buffer = new byte[4096];
                for (var answered = 0; answered < 2;)
                {
                    var n = await socket.ReceiveAsync(buffer);
                    if (n == 0) return;
                    if (Encoding.ASCII.GetString(buffer, 0, n).Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
                        answered++;
                    }
                }
            });
            for (var i = 0; i < 2; i++) await client.GetStringAsync($"http://127.0.0.1:{port}/warm-up");
            await serve;
        }
        finally { listener.Stop(); }
    }

    /// <summary>
    /// The fresh server's way to its first answer, as a journey with this run's times: starting the process, the JIT
    /// compiling during the first request, the rest of that request, and a warm request for comparison.
    /// </summary>
    public Picture Journey()
    {
        var jit = Math.Min(JitTimeOfFirstRequest.TotalMilliseconds, FirstRequest.TotalMilliseconds);
        return JourneyDiagram.Draw($"A fresh server's first request to {Path}, and a warm one",
        [
            ("process start", StartupTime.TotalMilliseconds),
            ("request 1: JIT", jit),
            ("request 1: rest", FirstRequest.TotalMilliseconds - jit),
            ("warm request", WarmMedian.TotalMilliseconds),
        ]);
    }

    /// <summary>Latency of each request, by request number (log scale).</summary>
    public Chart ToChart() =>
        Chart.Line($"A fresh server's first {Latencies.Count} requests to {Path}")
            .Add("latency (ms)", Enumerable.Range(1, Latencies.Count).Select(i => (double)i), Latencies.Select(l => l.TotalMilliseconds))
            .XAxis("request number")
            .YAxis("latency (ms, log scale)", log: true);

    /// <summary>The figures as a table with a legend.</summary>
    public HtmlTable ToTable() => new HtmlTable($"Cold start of the lab server, {Environment.ProcessorCount} cores")
        .Column("measure", null).Column("value", null)
        .Row("process start → listening", StartupTime)
        .Row("methods JIT-compiled during start-up", Jit.AtStart.MethodsCompiled)
        .Row("first request: latency", FirstRequest)
        .Row("first request: methods JIT-compiled", MethodsCompiledByFirstRequest)
        .Row("first request: time spent JIT-compiling", JitTimeOfFirstRequest)
        .Row($"requests 2–{Latencies.Count}: methods JIT-compiled", MethodsCompiledByLaterRequests)
        .Row("warm request: median latency", WarmMedian);

    /// <summary>One line with the main figures.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"start {Durations.Format(StartupTime)}; first request {Durations.Format(FirstRequest)} ({MethodsCompiledByFirstRequest:N0} methods JIT-compiled in {Durations.Format(JitTimeOfFirstRequest)}); warm median {Durations.Format(WarmMedian)}");

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ToTable().WriteTo(writer, encoder);
        ToChart().WriteTo(writer, encoder);
    }
}
