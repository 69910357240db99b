using System.Net.Http;
using Microsoft.AspNetCore.Builder;

namespace BackendLab;

/// <summary>
/// An exercise whose answer is endpoints: the check starts them on 127.0.0.1, sends each declared <see cref="Probe"/>,
/// compares the responses, and stops the server. In a notebook: <c>await q3.Check(app => { app.MapGet(…); })</c>.
/// <code>
/// public static readonly EndpointExercise Q3 = new("01-backend-basics/q3", "Greet by name", ["Use a route parameter."])
/// {
///     Requests = { Probe.Get("/hello/Ada").Status(200).BodyIs("Hello, Ada!"), Probe.Get("/hello").Status(404) },
/// };
/// </code>
/// </summary>
public sealed class EndpointExercise : Exercise
{
    /// <summary>Declares the exercise; add its requests with <c>Requests = { Probe.Get(…)…, … }</c>.</summary>
    public EndpointExercise(string id, string title, IEnumerable<string>? hints = null) : base(id, title, hints) { }

    /// <summary>The requests sent, in order, each with what its response must look like.</summary>
    public List<Probe> Requests { get; } = [];

    /// <summary>Services the exercise itself needs before the learner's endpoints are mapped (e.g. problem details). Default: none.</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }

    /// <summary>How long one request may take before the handler counts as hanging. Default: 5 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Starts <paramref name="map"/>'s endpoints on a private loopback server, sends the requests, stops it. Never throws.</summary>
    public Task<CheckResult> Check(Action<WebApplication> map) => Check(_ => { }, map);

    /// <summary>Like <see cref="Check(Action{WebApplication})"/>, after <paramref name="configure"/> has added your services.</summary>
    public Task<CheckResult> Check(Action<WebApplicationBuilder> configure, Action<WebApplication> map) => GuardAsync(async () =>
    {
        if (map is null) return NotAttempted();
        RunningServer server;
        try
        {
            server = await Servers.StartAsync($"check {Id}", builder => { Configure?.Invoke(builder); configure?.Invoke(builder); }, map,
                new ServerOptions { ClientTimeout = Timeout, StopTimeout = TimeSpan.FromSeconds(1) });
        }
        catch (Exception e) when (!LearnerCode.IsStarter(e))
        {
            return Result(CheckOutcome.Incorrect, $"Setting up your endpoints threw `{LearnerCode.Describe(e)}`.");
        }
        try { return await SendAllAsync(server); }
        finally { await server.StopAsync(); }
    });

    /// <summary>Sends the requests to a server you started yourself (it keeps running). Never throws.</summary>
    public Task<CheckResult> Check(RunningServer server) =>
        server is null ? Task.FromResult(NotAttempted("No server was given; start yours")) : GuardAsync(() => SendAllAsync(server));

    async Task<CheckResult> SendAllAsync(RunningServer server)
    {
        var passed = new List<string>();
        foreach (var probe in Requests)
        {
            var before = server.Log.Total;
            ProbeResponse response;
            try { response = await SendAsync(server, probe); }
            catch (OperationCanceledException)
            {
                return Incorrect(passed, $"{probe} got no response within {Durations.Format(Timeout)}. " +
                    "Does the handler wait for something that never finishes (a missing `await`, `.Result`, an endless loop)?");
            }
            catch (HttpRequestException e)
            {
                return Incorrect(passed, $"{probe} could not reach the server at `{server.Url}` ({e.Message}). Is it still running?");
            }
            var error = server.Log.Total > before ? server.Log.Last?.Error : null;
            if (LearnerCode.IsStarter(error)) return NotAttempted();
            if (error is not null) return Incorrect(passed, $"{probe}: your handler threw `{error}`.");
            foreach (var expectation in probe.Expectations)
                if (expectation.Judge(response) is { } failure) return Incorrect(passed, $"{probe}: {failure}");
            passed.Add($"✓ {probe.Method} {probe.Path} → {response.StatusCode}");
        }
        return Result(CheckOutcome.Correct, $"All {Requests.Count} requests got the right responses.", string.Join('\n', passed));
    }

    async Task<ProbeResponse> SendAsync(RunningServer server, Probe probe)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var request = probe.ToRequest();
        using var response = await server.Client.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        return new ProbeResponse((int)response.StatusCode, body, headers);
    }

    CheckResult Incorrect(List<string> passed, string message) =>
        Result(CheckOutcome.Incorrect, message, passed.Count == 0 ? null : "Before that, these were right:\n" + string.Join('\n', passed));
}
