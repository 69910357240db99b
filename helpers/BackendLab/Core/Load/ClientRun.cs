using System.Diagnostics;
using System.Net.Http;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// What a <see cref="ClientRun"/> measured: a <see cref="LatencySummary"/> (p50, p99… as <see cref="TimeSpan"/>s) plus
/// throughput. Shows itself as a one-row table. Defined in lesson 3.
/// </summary>
public sealed record ClientRunResult : LatencySummary, IHtmlContent
{
    /// <summary>What was measured, e.g. "serial, 8 clients".</summary>
    public required string Label { get; init; }

    /// <summary>How many clients sent requests at once (concurrency).</summary>
    public required int Clients { get; init; }

    /// <summary>Wall-clock time of the whole run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Requests answered with a 2xx or 3xx status.</summary>
    public long Ok { get; init; }

    /// <summary>Successful requests (2xx, 3xx) per second over the run (throughput); <see cref="LatencySummary.Errors"/> are not counted.</summary>
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Ok / Elapsed.TotalSeconds : 0;

    /// <summary>A one-row table with a legend.</summary>
    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder) =>
        writer.Write(ClientRun.Table(this).ToString());
}

/// <summary>
/// A small, bounded measurement with real <see cref="HttpClient"/>s: <c>clients</c> clients at once, each sending
/// <c>requestsPerClient</c> GET requests one after another, timing each. Defined in lesson 3.
/// <code>
/// var r = await ClientRun.RunAsync(server.Url + "/hello", clients: 8, requestsPerClient: 5);
/// var fresh = await ClientRun.RunAsync(server.Url + "/hello", clients: 1, requestsPerClient: 300, keepAlive: false);
/// </code>
/// Every run stops by itself: after its requests, or after <c>timeLimit</c> (default 10 s), whichever comes first.
/// </summary>
public static class ClientRun
{
    /// <summary>Runs the measurement.</summary>
    /// <param name="url">A loopback address, e.g. <c>server.Url + "/hello"</c>.</param>
    /// <param name="clients">Clients sending at the same time (1 to 256). Default 1.</param>
    /// <param name="requestsPerClient">Requests each client sends, one after another (1 to 10 000). Default 10.</param>
    /// <param name="keepAlive">
    /// True (default): connections stay open and are reused, as <see cref="HttpClient"/> does normally.
    /// False: every request carries <c>Connection: close</c>, so each one pays for a new TCP connection.
    /// </param>
    /// <param name="label">A name for the result. Default: a description of the run.</param>
    /// <param name="timeLimit">Stop sending new requests after this long. Default 10 s.</param>
    public static async Task<ClientRunResult> RunAsync(string url, int clients = 1, int requestsPerClient = 10, bool keepAlive = true,
        string? label = null, TimeSpan? timeLimit = null)
    {
        var target = Loopback.Require(url);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clients, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerClient, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requestsPerClient, 10_000);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * (long)(timeLimit ?? TimeSpan.FromSeconds(10)).TotalSeconds;

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        // One untimed request first, so the first measured one does not pay for JIT compilation and the first connection.
        try { using var _ = await client.GetAsync(target); } catch (HttpRequestException) { } catch (TaskCanceledException) { }

        var latencies = new List<TimeSpan>[clients];
        var failures = new int[clients];
        var ok = new int[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = new List<TimeSpan>(requestsPerClient);
            for (var i = 0; i < requestsPerClient && Stopwatch.GetTimestamp() < deadline; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                if (!keepAlive) request.Headers.ConnectionClose = true;
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    latencies[c].Add(Stopwatch.GetElapsedTime(start));
                    if ((int)response.StatusCode is >= 200 and < 400) ok[c]++; else failures[c]++;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { failures[c]++; }
            }
        }));
        clock.Stop();

        return new ClientRunResult
        {
            Label = label ?? $"{clients} client(s), {(keepAlive ? "keep-alive" : "Connection: close")}",
            Clients = clients, Elapsed = clock.Elapsed,
            // an error status is answered (it has a latency) and an error; an exception only an error
            Latencies = LatencySummary.HistogramOf(latencies.SelectMany(l => l)), Count = ok.Sum() + failures.Sum(), Errors = failures.Sum(), Ok = ok.Sum(),
        };
    }

    /// <summary>The fewest answered requests for which <see cref="Table"/> shows a p99: with fewer, the "slowest 1 %" is not even one request.</summary>
    public const int MinimumForP99 = 100;

    /// <summary>
    /// The results side by side as one table (one row each), with a legend. A run with fewer than
    /// <see cref="MinimumForP99"/> answered requests shows its maximum instead of a p99.
    /// </summary>
    public static HtmlTable Table(params IEnumerable<ClientRunResult> results)
    {
        var table = new HtmlTable()
            .Column("run").Column("clients", "clients sending at once (concurrency)").Column("ok", "requests answered 2xx or 3xx").Column("failed", "error statuses, timeouts, connection errors")
            .Column("p50 ms", "median latency: half the requests were faster")
            .Column("p99 ms", $"99 % of the requests were faster; shown from {MinimumForP99} answered requests (fewer cannot say what the slowest 1 % look like)")
            .Column("max ms", "the slowest answered request")
            .Column("req/s", "successful (2xx, 3xx) requests per second (throughput)");
        foreach (var r in results)
        {
            var answered = r.Count - r.Errors;
            object p50 = r.NoneCompleted ? Durations.NoneCompleted : Math.Round(r.P50.TotalMilliseconds, 2);
            object p99 = r.NoneCompleted ? Durations.NoneCompleted : answered >= MinimumForP99 ? Math.Round(r.P99.TotalMilliseconds, 2) : $"— ({answered} requests)";
            object max = r.NoneCompleted ? Durations.NoneCompleted : Math.Round(r.Max.TotalMilliseconds, 2);
            table.Row(r.Label, r.Clients, r.Ok, r.Errors, p50, p99, max, Math.Round(r.RequestsPerSecond));
        }
        return table;
    }
}
