using System.Globalization;
using System.Net.Http;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// Lesson 4's middleware exercise: the learner's middleware must time every request and add
/// <c>Server-Timing: total;dur=&lt;ms&gt;</c> to every response, including a 404 and a response whose body the handler
/// writes itself. The check runs it in front of a fast endpoint, a 60 ms one and a missing path.
/// In a notebook: <c>await Lesson04.Q1.Check(Timing)</c>.
/// </summary>
public sealed partial class TimingHeaderExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>How long the slow endpoint waits, in milliseconds. Default: 60.</summary>
    public int SlowMs { get; init; } = 60;

    /// <summary>Runs <paramref name="middleware"/> in a server and checks the header on each response. Never throws.</summary>
    public Task<CheckResult> Check(Func<HttpContext, RequestDelegate, Task> middleware) => RunAsync(middleware, async run =>
    {
        var server = await run.StartServerAsync(app =>
        {
            app.Use(middleware);
            app.MapGet("/fast", () => "fast");
            app.MapGet("/slow", async () => { await Task.Delay(SlowMs); return Results.Json(new { slow = true }); });
            app.MapGet("/written", async (HttpContext c) => { await c.Response.WriteAsync("written by the handler"); await Task.Delay(5); });
        });
        foreach (var (path, status, min) in new[] { ("/fast", 200, 0.0), ("/slow", 200, SlowMs * 0.95), ("/written", 200, 0.0), ("/missing", 404, 0.0) })
        {
            var before = server.Log.Total;
            HttpResponseMessage response;
            try { response = await server.Client.GetAsync(path); }
            catch (TaskCanceledException)
            {
                run.HandlerHung = true;
                return run.Wrong($"`GET {path}` got no response within {Durations.Format(run.Timeout)}. Does your middleware `await next(context)`, and does nothing in it wait forever?");
            }
            catch (HttpRequestException e)
            {
                // An exception after the response started cuts the connection; the server's log says why.
                var cut = server.Log.Total > before ? server.Log.Last?.Error : null;
                if (LearnerCode.IsStarter(cut)) return run.NotAttempted();
                response = null!;
                if (cut is null) return run.Wrong($"`GET {path}`: the connection was cut ({e.Message}).");
                return run.Wrong($"`GET {path}`: your middleware threw `{cut}` after the response had started, so the connection was cut." + OnStartingHint(cut));
            }
            using var _ = response;
            var error = server.Log.Total > before ? server.Log.Last?.Error : null;
            if (LearnerCode.IsStarter(error)) return run.NotAttempted();
            if (error is not null)
                return run.Wrong($"`GET {path}`: your middleware threw `{error}`." + OnStartingHint(error));
            if ((int)response.StatusCode != status)
                return run.Wrong($"`GET {path}` answered {(int)response.StatusCode}, expected {status}. Does your middleware call `await next(context)`?");
            if (!response.Headers.TryGetValues("Server-Timing", out var values))
                return run.Wrong($"`GET {path}` → {status} has no `Server-Timing` header." +
                    (path == "/written" ? " This handler writes its body itself: the headers leave with the first byte of it, so set yours in `context.Response.OnStarting(…)`." : ""));
            var header = string.Join(", ", values);
            var match = Duration().Match(header);
            if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                return run.Wrong($"`GET {path}` sent `Server-Timing: {header}`; expected the form `total;dur=12.3` (milliseconds, with a dot).");
            if (ms < min)
                return run.Wrong($"`GET {path}` waits {SlowMs} ms in its handler but your header says `dur={match.Groups[1].Value}`. Start the stopwatch before `await next(context)` and read it after the handler has run.");
            if (ms > 10_000)
                return run.Wrong($"`GET {path}` says `dur={match.Groups[1].Value}`: that is more than 10 seconds. Is the value in milliseconds (`Stopwatch.GetElapsedTime(start).TotalMilliseconds`)?");
            run.Step($"✓ GET {path} → {status}, Server-Timing: {header}");
        }
        return run.Correct("Every response carries a `Server-Timing` header with a believable duration, 404s included.");
    });

    static string OnStartingHint(string error) =>
        error.Contains("read-only", StringComparison.OrdinalIgnoreCase) || error.Contains("already started", StringComparison.OrdinalIgnoreCase)
            ? " The handler had already started sending the response, and headers leave first. Add the header from `context.Response.OnStarting(…)`, which runs just before they leave."
            : "";

    [GeneratedRegex(@"\btotal\s*;\s*dur\s*=\s*([0-9]+(?:\.[0-9]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();
}
