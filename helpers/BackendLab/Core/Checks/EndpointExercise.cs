using System.Net.Http;
using Microsoft.AspNetCore.Builder;

namespace BackendLab;

/// <summary>
/// An exercise whose answer is endpoints: the check starts them on 127.0.0.1, sends each declared <see cref="Probe"/>,
/// compares the responses, and stops the server. In a notebook: <c>await q3.Check(app => { app.MapGet(…); })</c>.
/// <code>
/// public static readonly EndpointExercise Q3 = new("00-example/q3", "Greet by name", ["Use a route parameter."])
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

    /// <summary>
    /// How long one request may take before the handler counts as hanging. Default: 3 seconds, so that a check of a
    /// hanging handler, server start and stop included, ends within 5 seconds.
    /// </summary>
    public TimeSpan Timeout { get; init; } = CheckRun.DefaultTimeout;

    /// <summary>Starts <paramref name="map"/>'s endpoints on a private loopback server, sends the requests, stops it. Never throws.</summary>
    public Task<CheckResult> Check(Action<WebApplication> map) => Check(_ => { }, map);

    /// <summary>Like <see cref="Check(Action{WebApplication})"/>, after <paramref name="configure"/> has added your services.</summary>
    public Task<CheckResult> Check(Action<WebApplicationBuilder> configure, Action<WebApplication> map) =>
        RunAsync(map, async run =>
        {
            var server = await run.StartServerAsync(map, builder => { Configure?.Invoke(builder); configure?.Invoke(builder); });
            return await SendAllAsync(run, server);
        }, Timeout);

    /// <summary>Sends the requests to a server you started yourself (it keeps running). Never throws.</summary>
    public Task<CheckResult> Check(RunningServer server) => server is null
        ? GuardAsync(() => Task.FromResult(NotAttempted("No server was given; start yours")))
        : RunAsync(server, run => SendAllAsync(run, server), Timeout);

    async Task<CheckResult> SendAllAsync(CheckRun run, RunningServer server)
    {
        run.Samples.AddRange(Requests.Select(probe => (Func<HttpRequestMessage>)probe.ToRequest));
        foreach (var probe in Requests)
        {
            using var request = probe.ToRequest();
            var reply = await run.SendAsync(server.Client, request, probe.ToString(), server);
            var response = new ProbeResponse(reply.Status, reply.Body, reply.Headers);
            foreach (var expectation in probe.Expectations)
                if (expectation.Judge(response) is { } failure) return run.Wrong($"{probe}: {failure}");
            run.Step($"✓ {probe.Method} {probe.Path} → {response.StatusCode}");
        }
        return run.Correct($"All {Requests.Count} requests got the right responses.");
    }
}
