using System.Globalization;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// An exercise whose answer is an endpoint that must scale: the check starts it on 127.0.0.1 in this process, sends
/// one request to see that it answers, then runs a short closed-loop sweep and judges throughput and p99 at each
/// concurrency against what Little's law allows for the endpoint's service time.
/// In a notebook: <c>await Lesson06.Q1.Check(app => app.MapGet("/orders/{id}", …))</c>.
/// </summary>
public sealed class SweepExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>The path requested. Default <c>/orders/7</c>.</summary>
    public string Path { get; init; } = "/orders/7";

    /// <summary>Text the response body must contain (shows the endpoint really did its work). Default <c>"id":7</c>.</summary>
    public string BodyContains { get; init; } = "\"id\":7";

    /// <summary>How long one request takes when nothing queues (the store's answer time). Default 50 ms.</summary>
    public TimeSpan ServiceTime { get; init; } = OrderStore.QueryTime;

    /// <summary>
    /// The concurrencies swept. Default <c>[16, 64]</c>; the largest is raised to 4 × the thread pool's current
    /// threads when that is more, so a pool that grew earlier in the notebook cannot hide a blocking endpoint.
    /// </summary>
    public int[] Concurrencies { get; init; } = [16, 64];

    /// <summary>Wanted throughput at each point, as a fraction of users ÷ <see cref="ServiceTime"/>. Default 0.6.</summary>
    public double MinFractionOfLittlesLaw { get; init; } = 0.6;

    /// <summary>The p99 latency each point must stay under. Default 250 ms.</summary>
    public TimeSpan MaxP99 { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Measured phase of each point. Default 1 s (after a 0.3 s warm-up).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Starts <paramref name="map"/>'s endpoints, checks one response, runs the sweep, stops the server. Never throws.</summary>
    public Task<CheckResult> Check(Action<WebApplication> map) => RunAsync(map, async run => await JudgeAsync(run, await run.StartServerAsync(map)));

    async Task<CheckResult> JudgeAsync(CheckRun run, RunningServer server)
    {
        HttpResponseMessage response;
        try { response = await server.Client.GetAsync(Path); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            run.HandlerHung = e is TaskCanceledException;
            return Result(CheckOutcome.Incorrect, $"`GET {Path}` got no answer ({e.Message}). Is a handler waiting for something that never finishes?");
        }
        var body = await response.Content.ReadAsStringAsync();
        var error = server.Log.Last?.Error;
        if (LearnerCode.IsStarter(error)) return NotAttempted();
        if (error is not null) return Result(CheckOutcome.Incorrect, $"`GET {Path}`: your handler threw `{error}`.");
        if ((int)response.StatusCode != 200 || !body.Contains(BodyContains, StringComparison.Ordinal))
            return Result(CheckOutcome.Incorrect, $"`GET {Path}` answered {(int)response.StatusCode} with `{Shorten(body)}`; it should answer 200 with the order (its JSON contains `{BodyContains}`)." + (LearnerCode.AwaitSlip(body) ?? ""));

        await QuietPoolAsync();
        var largest = Math.Max(Concurrencies.Max(), 4 * ThreadPool.ThreadCount);
        var users = Concurrencies.Select(c => c == Concurrencies.Max() ? largest : c).ToArray();
        var lines = new List<string>();
        foreach (var n in users)
        {
            var options = new LoadOptions { Concurrency = n, Duration = Duration, Warmup = TimeSpan.FromSeconds(0.3), Timeout = TimeSpan.FromSeconds(2) };
            var ideal = n / ServiceTime.TotalSeconds;
            var r = await Load.RunAsync(server.Url + Path, options);
            // Best of two: on a busy shared machine one run can be unlucky; a blocking endpoint fails both.
            if (r.Errors == 0 && (r.RequestsPerSecond < MinFractionOfLittlesLaw * ideal || r.P99 > MaxP99))
            {
                var again = await Load.RunAsync(server.Url + Path, options);
                if (again.RequestsPerSecond > r.RequestsPerSecond) r = again;
            }
            lines.Add(r.ToString());
            var details = string.Join('\n', lines);
            if (r.Errors > 0)
                return Result(CheckOutcome.Incorrect, $"At {n} users, {r.Errors:N0} of {r.Count:N0} requests failed ({r.ErrorKinds}). Timeouts mean requests waited seconds for a thread.", details);
            if (r.P50 < ServiceTime * 0.9)
                return Result(CheckOutcome.Incorrect, $"At {n} users the median answer took {Durations.Format(r.P50)}, less than one store lookup ({Durations.Format(ServiceTime)}). Does the endpoint still look the order up in `OrderStore`?", details);
            if (r.RequestsPerSecond < MinFractionOfLittlesLaw * ideal || r.P99 > MaxP99)
                return Result(CheckOutcome.Incorrect, string.Create(CultureInfo.InvariantCulture,
                    $"At {n} users your endpoint served {r.RequestsPerSecond:N0} req/s with p99 {Durations.Format(r.P99)}. An endpoint that waits {Durations.Format(ServiceTime)} without holding a thread serves about {n} ÷ {Durations.Format(ServiceTime)} = {ideal:N0} req/s (at least {MinFractionOfLittlesLaw:P0} of that, with p99 under {Durations.Format(MaxP99)}, is wanted). ") +
                    "Something still holds a thread while it waits: `Thread.Sleep`, the blocking `OrderStore.Find`, `.Result` / `.Wait()`, or `Task.Run` around a blocking call.", details);
        }
        return Result(CheckOutcome.Correct, string.Create(CultureInfo.InvariantCulture,
            $"Your endpoint kept up at every concurrency tried ({string.Join(", ", users)} users): it follows Little's law instead of waiting for threads."), string.Join('\n', lines));
    }

    // Work queued by an earlier attempt (say, Task.Run around a blocking call) keeps the pool busy after its server
    // stopped; wait (at most 10 s) until it has drained, so it is not blamed on this answer.
    static async Task QuietPoolAsync()
    {
        for (var waited = 0; waited < 100 && ThreadPool.PendingWorkItemCount > 8; waited++) await Task.Delay(100);
    }

    static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
