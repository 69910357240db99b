using System.Globalization;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L01BackendBasics;

/// <summary>
/// An exercise whose answer is a counter kept by the server: <c>POST</c> adds one and answers the new total, <c>GET</c>
/// answers the total. The check starts the learner's endpoints on 127.0.0.1 and talks to them from <b>two separate
/// clients</b>, Alice and Bob (each its own <see cref="HttpClient"/> and connections): both must see one count.
/// In a notebook: <c>await Lesson01.Q2.Check(MapVisits)</c>. Introduced in lesson 1 (the server owns the data).
/// </summary>
public sealed class SharedCountExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>The counter's path. Default: "/visits".</summary>
    public string Path { get; init; } = "/visits";

    /// <summary>
    /// How long one request may take before the handler counts as hanging. Default: 3 seconds, so that a check of a
    /// hanging handler, server start and stop included, ends within 5 seconds.
    /// </summary>
    public TimeSpan Timeout { get; init; } = CheckRun.DefaultTimeout;

    /// <summary>
    /// Starts <paramref name="map"/>'s endpoints on a private loopback server; Alice visits 3 times, Bob reads the count,
    /// reads it again, visits once, and Alice reads it; then the server stops. Never throws.
    /// </summary>
    public Task<CheckResult> Check(Action<WebApplication> map) => RunAsync(map, async run =>
        {
            var server = await run.StartServerAsync(map);
            run.Samples.Add(() => new HttpRequestMessage(HttpMethod.Post, Path));
            run.Samples.Add(() => new HttpRequestMessage(HttpMethod.Get, Path));
            using var alice = new Visitor("Alice", server, Path, Timeout);
            using var bob = new Visitor("Bob", server, Path, Timeout);
            return await Judge(run, alice, bob);
        }, Timeout);

    async Task<CheckResult> Judge(CheckRun run, Visitor alice, Visitor bob)
    {
        var Wrong = run.Wrong;

        // Each step: send, record, and stop at the first answer that is not a count.
        async Task<(int? Count, CheckResult? Verdict)> Ask(Visitor who, HttpMethod method)
        {
            var answer = await who.AskAsync(method);
            run.Step(answer.ToString());
            if (answer.Status is null) run.HandlerHung = true;
            else if (answer.Error is null || answer.StarterThrew) run.Saw($"{method.Method} {Path}", answer.Status.Value, answer.StarterThrew);
            if (answer.StarterThrew) return (null, await run.StarterFoundAsync(alice.Client, alice.Server));
            if (answer.Problem is { } problem) return (null, Wrong(problem));
            return (answer.Count, null);
        }

        var (first, verdict) = await Ask(alice, HttpMethod.Get);
        if (verdict is not null) return verdict;
        var start = first!.Value;

        for (var visit = 1; visit <= 3; visit++)
        {
            var (count, v) = await Ask(alice, HttpMethod.Post);
            if (v is not null) return v;
            var wanted = start + visit;
            if (count == wanted) continue;
            if (visit > 1 && count == 1)
                return Wrong($"Every `POST {Path}` answered 1: the count starts again from 0 at each request. Declare the count outside the handler, so it lives as long as the server.");
            if (count == wanted - 1)
                return Wrong($"Alice's visit number {visit} answered {count}, the count *before* her visit; answer the new total ({wanted}). `visits++` gives the old value; `++visits` or `Interlocked.Increment(ref visits)` the new one.");
            if (count > wanted)
                return Wrong($"Alice read the count ({start}), then her visit number {visit} answered {count}; wanted {wanted}. Something besides her visits added to the count: does `GET {Path}` change it? Reading the count must not change it.");
            return Wrong($"Alice's visit number {visit} answered {count}; starting from {start}, the new total should be {wanted}.");
        }

        var (seen, bobVerdict) = await Ask(bob, HttpMethod.Get);
        if (bobVerdict is not null) return bobVerdict;
        if (seen != start + 3)
            return Wrong($"Bob, a second client, asked `GET {Path}` after Alice's 3 visits and got {seen}; wanted {start + 3}. "
                + (seen == start ? "His GET does not see the count the POSTs changed: do both handlers use the same variable? " : "")
                + "The count belongs to the server, so every client must see the same one.");

        var (again, againVerdict) = await Ask(bob, HttpMethod.Get);
        if (againVerdict is not null) return againVerdict;
        if (again != seen)
            return Wrong($"Bob asked `GET {Path}` twice and got {seen}, then {again}: reading the count must not change it. Only `POST {Path}` counts a visit.");

        var (afterBob, postVerdict) = await Ask(bob, HttpMethod.Post);
        if (postVerdict is not null) return postVerdict;
        if (afterBob != start + 4)
            return Wrong($"Bob's visit answered {afterBob}; after Alice's 3 visits it should be {start + 4}. Both clients must count into the same total.");

        var (last, lastVerdict) = await Ask(alice, HttpMethod.Get);
        if (lastVerdict is not null) return lastVerdict;
        if (last != start + 4)
            return Wrong($"After Bob's visit, Alice's `GET {Path}` answered {last}; wanted {start + 4}. Each client must see the server's one count.");

        return run.Correct($"Alice and Bob, two separate clients, saw one count kept by the server: {start} → {start + 4}.");
    }

    /// <summary>One client of the check, with its own connections.</summary>
    sealed class Visitor(string name, RunningServer server, string path, TimeSpan timeout) : IDisposable
    {
        readonly HttpClient _client = LoopbackHandler.CreateClient(server.BaseAddress, timeout);

        public HttpClient Client => _client;

        public RunningServer Server => server;

        public async Task<Answer> AskAsync(HttpMethod method)
        {
            var before = server.Log.Total;
            try
            {
                using var response = await _client.SendAsync(new HttpRequestMessage(method, path));
                var body = await response.Content.ReadAsStringAsync();
                var error = server.Log.Total > before ? server.Log.Last?.Error : null;
                return new Answer(name, method.Method, path, (int)response.StatusCode, body, error);
            }
            catch (TaskCanceledException)
            {
                return new Answer(name, method.Method, path, null, "", $"no response within {Durations.Format(timeout)}");
            }
        }

        public void Dispose() => _client.Dispose();
    }

    /// <summary>What one request got back, and what is wrong with it as a count (if anything).</summary>
    sealed record Answer(string Who, string Method, string Path, int? Status, string Body, string? Error)
    {
        public bool StarterThrew => LearnerCode.IsStarter(Error);

        public int? Count => int.TryParse(Body.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        public string? Problem =>
            Status is null ? $"{Who}'s `{Method} {Path}` got {Error}. Does the handler wait for something that never finishes?"
            : Error is not null ? $"{Who}'s `{Method} {Path}` made your handler throw `{Error}`."
            : Status == 404 ? $"{Who}'s `{Method} {Path}` got `404 Not Found`: no endpoint matched. Map `{Method} {Path}`."
            : Status == 405 ? $"{Who}'s `{Method} {Path}` got `405 Method Not Allowed`: `{Path}` is mapped, but not for {Method}."
            : Status is < 200 or > 299 ? $"{Who}'s `{Method} {Path}` got status {Status}; wanted 200 with the count."
            : Count is null ? $"{Who}'s `{Method} {Path}` answered `{(Body.Length > 200 ? Body[..200] + "…" : Body)}`; wanted the count, a whole number such as 3." + (LearnerCode.AwaitSlip(Body) ?? "")
            : null;

        public override string ToString() => $"{Who}: {Method} {Path} → " + (Status is null ? Error : Error is not null ? $"{Status} ({Error})" : $"{Status} {Body}");
    }
}
