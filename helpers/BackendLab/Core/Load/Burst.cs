using System.Diagnostics;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// Sends many requests at the same moment (Lesson 5): the way to catch a race between requests that touch the same
/// state. Not a load test (see the load toolkit for that): a fixed number of requests, all started together.
/// </summary>
public static class Burst
{
    /// <summary>
    /// Sends <paramref name="count"/> requests built by <paramref name="request"/>, at most <paramref name="concurrency"/>
    /// at a time (default: all at once), and counts the status codes.
    /// </summary>
    /// <param name="client">The client to send with (its base address must be on this machine).</param>
    /// <param name="count">How many requests (1 to 10 000).</param>
    /// <param name="request">Builds request number i (0-based), e.g. <c>i => new HttpRequestMessage(HttpMethod.Post, "/counter")</c>.</param>
    /// <param name="concurrency">How many may be in flight at once. Default: <paramref name="count"/>.</param>
    public static async Task<BurstResult> SendAsync(HttpClient client, int count, Func<int, HttpRequestMessage> request, int? concurrency = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        if (client.BaseAddress is not null) Loopback.Require(client.BaseAddress);
        var gate = new SemaphoreSlim(concurrency ?? count);
        var statuses = new int[count];
        var start = Stopwatch.GetTimestamp();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await go.Task;
            await gate.WaitAsync();
            try
            {
                using var message = request(i);
                using var response = await client.SendAsync(message);
                statuses[i] = (int)response.StatusCode;
            }
            catch (HttpRequestException) { statuses[i] = 0; }
            catch (TaskCanceledException) { statuses[i] = -1; }
            finally { gate.Release(); }
        }).ToList();
        go.SetResult();
        await Task.WhenAll(tasks);
        return new BurstResult(count, statuses.GroupBy(s => s).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()), Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Sends <paramref name="count"/> copies of the same request at once: <c>Burst.SendAsync(client, 100, HttpMethod.Post, "/counter")</c>.</summary>
    public static Task<BurstResult> SendAsync(HttpClient client, int count, HttpMethod method, string path, int? concurrency = null) =>
        SendAsync(client, count, _ => new HttpRequestMessage(method, path), concurrency);
}

/// <summary>What a <see cref="Burst"/> got back.</summary>
/// <param name="Sent">How many requests were sent.</param>
/// <param name="StatusCounts">How many responses had each status code (0: connection error, -1: timeout).</param>
/// <param name="Elapsed">From the first request sent to the last response received.</param>
public sealed record BurstResult(int Sent, IReadOnlyDictionary<int, int> StatusCounts, TimeSpan Elapsed) : IHtmlContent
{
    /// <summary>How many responses had <paramref name="status"/>.</summary>
    public int this[HttpStatusCode status] => StatusCounts.GetValueOrDefault((int)status);

    /// <summary>How many responses had a 2xx status.</summary>
    public int Succeeded => StatusCounts.Where(kv => kv.Key is >= 200 and < 300).Sum(kv => kv.Value);

    /// <summary><c>100 sent: 100 × 200 in 85 ms</c>.</summary>
    public override string ToString() =>
        $"{Sent} sent: {string.Join(", ", StatusCounts.Select(kv => $"{kv.Value} × {Name(kv.Key)}"))} in {Elapsed.TotalMilliseconds:0} ms";

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(encoder.Encode(ToString()));

    static string Name(int status) => status switch { 0 => "connection error", -1 => "timeout", _ => status.ToString() };
}
