using System.Net.Http;
using System.Net.Sockets;

namespace BackendLab.Lessons.L03ClientServer;

/// <summary>
/// Lesson 3, q3 (stretch): a connection handler for <see cref="SerialServer"/> that answers any request with
/// <c>200</c> and the body <c>pong</c>. The check starts it and sends it real <see cref="HttpClient"/> requests.
/// </summary>
public sealed class TinyServerExercise : Exercise
{
    internal TinyServerExercise() : base("03-client-server/q3", "A tiny TCP server that passes an HTTP check",
    [
        "First read the request's head: `await RawHttp.ReadRequestHeadAsync(stream, ct)` (or read until you see `\\r\\n\\r\\n`).",
        "Then write the response text: `HTTP/1.1 200 OK\\r\\n`, `Content-Length: 4\\r\\n`, `Connection: close\\r\\n`, an empty line `\\r\\n`, then `pong`.",
        "Turn text into bytes with `Encoding.ASCII.GetBytes(...)` and `await stream.WriteAsync(bytes, ct)`.",
    ]) { }

    /// <summary>Serves your handler on a <see cref="SerialServer"/>, sends three GET requests, and judges the answers. Never throws.</summary>
    public Task<CheckResult> Check(Func<NetworkStream, CancellationToken, Task> serveConnection) => RunAsync(serveConnection, async run =>
    {
        var server = await run.StartAsync(() => SerialServer.StartAsync($"check {Id}", serveConnection));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var passed = new List<string>();
        foreach (var path in new[] { "/ping", "/ping", "/anything" })
        {
            HttpResponseMessage response;
            try { response = await client.GetAsync(server.Url + path); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (server.LastError is { } thrown && LearnerCode.IsStarter(thrown)) return NotAttempted();
                var cause = server.LastError is { } error ? $" Your handler threw `{LearnerCode.Describe(error)}`."
                    : e is TaskCanceledException ? " No answer within 3 s: does the handler write a response (and not wait for more bytes than the request has)?"
                    : $" HttpClient said: {e.Message} Is the status line exactly `HTTP/1.1 200 OK` and does every line end with `\\r\\n`?";
                return Result(CheckOutcome.Incorrect, $"`GET {path}` got no valid HTTP response.{cause}",
                    passed.Count == 0 ? null : string.Join('\n', passed));
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != 200)
                    return Result(CheckOutcome.Incorrect, $"`GET {path}` got `{(int)response.StatusCode}`; wanted `200`.");
                if (body != "pong")
                    return Result(CheckOutcome.Incorrect, $"`GET {path}` got the body `{body}`; wanted `pong`." +
                                                          (body.Length < 4 && body.Length > 0 ? " Is `Content-Length` right (4 bytes)?" : ""));
                passed.Add($"✓ GET {path} → 200 pong");
            }
        }
        return Result(CheckOutcome.Correct, $"Your server answered {passed.Count} HttpClient requests correctly, one connection at a time.", string.Join('\n', passed));
    });
}
