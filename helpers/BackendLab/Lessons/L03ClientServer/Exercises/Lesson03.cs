using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Lessons.L03ClientServer;

/// <summary>Lesson 3's exercises: <c>await Lesson03.Q1.Check(rawRequest)</c>, <c>Lesson03.Q2.Check(FetchWithDeadline)</c>…</summary>
public static partial class Lesson03
{
    /// <summary>Write, by hand, a request the server answers with 200 and <c>Content-Language: fr</c>.</summary>
    public static readonly RawRequestExercise Q1 = new();

    /// <summary>Give a client a deadline: a slow endpoint must fail fast, with a message that names it.</summary>
    public static readonly DeadlineExercise Q2 = new();

    /// <summary>(Stretch) A tiny TCP server that passes an HTTP check.</summary>
    public static readonly TinyServerExercise Q3 = new();
}

/// <summary>
/// Lesson 3, q1: the text of a <c>GET /greeting</c> request that asks for French. The check's server answers
/// <c>200</c> with <c>Content-Language: fr</c> when the request carries <c>Accept-Language: fr</c>.
/// </summary>
public sealed class RawRequestExercise : Exercise
{
    internal RawRequestExercise() : base("03-client-server/q1", "Write a raw request that gets 200 and Content-Language: fr",
    [
        "A request is a request line (`GET /greeting HTTP/1.1`), header lines (`Name: value`), then an empty line. Every line ends with `\\r\\n`.",
        "HTTP/1.1 requires a `Host` header; any value works here, e.g. `Host: localhost`. Ask for French with `Accept-Language: fr`.",
        "`\"GET /greeting HTTP/1.1\\r\\nHost: localhost\\r\\nAccept-Language: fr\\r\\n\\r\\n\"` — the last `\\r\\n\\r\\n` ends the last header and the head.",
    ]) { }

    /// <summary>Maps the check's endpoint: <c>GET /greeting</c> answers in French when asked.</summary>
    internal static void MapGreeting(WebApplication app) => app.MapGet("/greeting", (HttpRequest request, HttpResponse response) =>
    {
        var french = request.Headers.AcceptLanguage.ToString().Contains("fr", StringComparison.OrdinalIgnoreCase);
        response.Headers.ContentLanguage = french ? "fr" : "en";
        return french ? "Bonjour !" : "Hello!";
    });

    /// <summary>Sends <paramref name="rawRequest"/> exactly as written to a fresh server and judges the response. Never throws.</summary>
    public Task<CheckResult> Check(string rawRequest) => GuardAsync(async () =>
    {
        if (string.IsNullOrWhiteSpace(rawRequest)) return NotAttempted("The empty `rawRequest`");
        var server = await Servers.StartAsync($"check {Id}", MapGreeting, new ServerOptions { StopTimeout = TimeSpan.FromSeconds(1) });
        try
        {
            var exchange = await Wire.SendAsync(server, rawRequest, TimeSpan.FromSeconds(2));
            var sent = $"Sent: {Visible(rawRequest)}";
            var got = exchange.StatusCode is null ? "no response" : $"`{exchange.StatusCode}`";
            if (exchange.StatusCode is null && !rawRequest.EndsWith("\n\n") && !rawRequest.EndsWith("\r\n\r\n"))
                return Result(CheckOutcome.Incorrect, "The server is still waiting for the rest of your request: a request's head ends with an empty line, so the text must end with `\\r\\n\\r\\n`.", sent);
            if (exchange.StatusCode is null)
                return Result(CheckOutcome.Incorrect, "No response came back within 2 s. Did the request line and headers arrive complete?", sent);
            if (exchange.StatusCode == 400)
            {
                var hint = !rawRequest.Contains("\r\n") ? " Lines in HTTP end with `\\r\\n` (carriage return, line feed), not just `\\n`."
                    : !rawRequest.Contains("\nHost:", StringComparison.OrdinalIgnoreCase) ? " HTTP/1.1 requires a `Host` header."
                    : " Check the request line: `METHOD /path HTTP/1.1`, single spaces.";
                return Result(CheckOutcome.Incorrect, $"The server answered `400 Bad Request`: it could not read your request.{hint}", sent);
            }
            if (exchange.StatusCode == 404) return Result(CheckOutcome.Incorrect, "The server answered `404 Not Found`: ask for the path `/greeting`.", sent);
            if (exchange.StatusCode == 405) return Result(CheckOutcome.Incorrect, "The server answered `405 Method Not Allowed`: `/greeting` answers `GET`.", sent);
            if (exchange.StatusCode != 200) return Result(CheckOutcome.Incorrect, $"The server answered {got}; wanted `200`.", sent);
            exchange.Headers.TryGetValue("Content-Language", out var language);
            if (!string.Equals(language, "fr", StringComparison.OrdinalIgnoreCase))
                return Result(CheckOutcome.Incorrect, $"`200`, but `Content-Language: {language}`: the server answered in English. Ask for French with an `Accept-Language` header.", sent);
            return Result(CheckOutcome.Correct, $"`200 OK` with `Content-Language: fr` and the body `{exchange.Body}`: you spoke HTTP by hand.", sent);
        }
        finally { await server.StopAsync(); }
    });

    static string Visible(string text) => "`" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "`";
}

/// <summary>
/// Lesson 3, q2: <c>FetchWithDeadline(client, url)</c> returns the body of a fast endpoint, and for a stalled one gives up
/// within about a second by throwing a <see cref="TimeoutException"/> whose message names the URL.
/// </summary>
public sealed class DeadlineExercise : Exercise
{
    internal DeadlineExercise() : base("03-client-server/q2", "Give the client a deadline",
    [
        "A `CancellationTokenSource` can cancel itself: `new CancellationTokenSource(TimeSpan.FromSeconds(1))`. Pass its `Token` to `GetStringAsync(url, token)`.",
        "When the deadline passes, the call throws an `OperationCanceledException` (a `TaskCanceledException`). Catch it and `throw new TimeoutException($\"{url} did not answer within 1 s\");`.",
        "Dispose the `CancellationTokenSource` (a `using` block inside a method is fine).",
    ]) { }

    /// <summary>How long the fast endpoint takes: 50 ms. A deadline must leave room for it.</summary>
    public static readonly TimeSpan FastDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest the check waits for the slow call to give up: 3 s (the slow endpoint stalls 10 s).</summary>
    public static readonly TimeSpan GiveUpLimit = TimeSpan.FromSeconds(3);

    /// <summary>Calls <paramref name="fetch"/> on a fast and on a stalled endpoint and judges how it ends. Never throws.</summary>
    public Task<CheckResult> Check(Func<HttpClient, string, Task<string>> fetch) => GuardAsync(async () =>
    {
        if (fetch is null) return NotAttempted();
        var server = await Servers.StartAsync($"check {Id}", app =>
        {
            app.MapGet("/fast", async () => { await Task.Delay(FastDelay); return "fast answer"; });
            app.MapGet("/slow", async (CancellationToken stop) => { await Task.Delay(TimeSpan.FromSeconds(10), stop); return "too late"; });
        }, new ServerOptions { StopTimeout = TimeSpan.Zero });
        try
        {
            string body;
            using (var client = new HttpClient())
            {
                try { body = await fetch(client, server.Url + "/fast").WaitAsync(GiveUpLimit); }
                catch (Exception e) when (LearnerCode.IsStarter(e)) { return NotAttempted(); }
                catch (Exception e)
                {
                    return Result(CheckOutcome.Incorrect, $"`FetchWithDeadline(client, \".../fast\")` threw `{LearnerCode.Describe(e)}`, but `/fast` answers in {FastDelay.TotalMilliseconds:0} ms. Is the deadline long enough?");
                }
            }
            if (body != "fast answer")
                return Result(CheckOutcome.Incorrect, $"`FetchWithDeadline(client, \".../fast\")` returned `{body}`; wanted the response body, `fast answer`.");

            var clock = Stopwatch.StartNew();
            var slowUrl = server.Url + "/slow";
            using (var client = new HttpClient())
            {
                try
                {
                    var late = await fetch(client, slowUrl).WaitAsync(GiveUpLimit);
                    return Result(CheckOutcome.Incorrect, $"`FetchWithDeadline(client, \".../slow\")` returned `{late}`; it should give up and throw.");
                }
                catch (TimeoutException) when (clock.Elapsed >= GiveUpLimit - TimeSpan.FromMilliseconds(50))
                {
                    return Result(CheckOutcome.Incorrect, $"`FetchWithDeadline(client, \".../slow\")` was still waiting after {GiveUpLimit.TotalSeconds:0} s (the server stalls 10 s). " +
                                                          "Without a deadline a client waits as long as the server likes (HttpClient's default is 100 s).");
                }
                catch (TimeoutException e) when (!e.Message.Contains("/slow", StringComparison.Ordinal))
                {
                    return Result(CheckOutcome.Incorrect, $"It gave up after {clock.Elapsed.TotalSeconds:0.0} s with a `TimeoutException`, good; but its message `{e.Message}` does not say which URL timed out. Put the `url` in the message.");
                }
                catch (TimeoutException e)
                {
                    return Result(CheckOutcome.Correct, $"`/fast` answered; `/slow` gave up after {clock.Elapsed.TotalSeconds:0.0} s with: {e.Message}");
                }
                catch (OperationCanceledException e)
                {
                    return Result(CheckOutcome.Incorrect, $"It gave up after {clock.Elapsed.TotalSeconds:0.0} s, good; but with `{e.GetType().Name}: {e.Message}`, which does not say what timed out. " +
                                                          "Catch it and throw a `TimeoutException` whose message names the URL.");
                }
                catch (Exception e) when (!LearnerCode.IsStarter(e))
                {
                    return Result(CheckOutcome.Incorrect, $"`FetchWithDeadline(client, \".../slow\")` threw `{LearnerCode.Describe(e)}`; wanted a `TimeoutException` that names the URL.");
                }
            }
        }
        finally { await server.StopAsync(); }
    });
}
