using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace BackendLab;

/// <summary>
/// One run of a check (see <see cref="Exercise.RunAsync"/>): it starts the learner's code and stops it afterwards,
/// turns a setup exception, the starter's <see cref="NotImplementedException"/> and a hanging handler into the right
/// verdict, and collects the steps shown to the learner. An exercise only declares what to send and what to say.
/// </summary>
internal sealed partial class CheckRun(Exercise exercise) : IAsyncDisposable
{
    readonly List<IAsyncDisposable> _started = [];

    /// <summary>True once a request got no answer within <see cref="Timeout"/>: the stops at the end do not wait for it (set by <see cref="SendAsync"/>, or by a check that sends on its own clients).</summary>
    public bool HandlerHung { get; set; }

    /// <summary>
    /// How long one request may take before the handler counts as hanging: 3 seconds. With the server's start and its
    /// immediate stop, a check of a hanging handler ends within 5 seconds.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long one request may take before the handler counts as hanging. Default: <see cref="DefaultTimeout"/> (3 seconds).</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>What the learner sees under the verdict: one line per step, in order.</summary>
    public List<string> Steps { get; } = [];

    /// <summary>Adds a step shown under the verdict.</summary>
    public void Step(string line) => Steps.Add(line);

    /// <summary>Starts the learner's code with <paramref name="start"/> and stops it when the check ends; a setup error ends the check.</summary>
    public async Task<T> StartAsync<T>(Func<Task<T>> start) where T : IAsyncDisposable
    {
        T started;
        try { started = await start(); }
        catch (Exception e) when (!LearnerCode.IsStarter(e))
        {
            throw new CheckStop(Wrong($"Setting up your endpoints threw `{LearnerCode.Describe(e)}`."));
        }
        _started.Add(started);
        return started;
    }

    /// <summary>
    /// Starts the learner's endpoints on a private loopback server named after the exercise. When the check ends it has
    /// every answer it needs, so the server stops at once: a request still in flight (a hanging handler) is not waited for.
    /// </summary>
    public Task<RunningServer> StartServerAsync(Action<WebApplication> map, Action<WebApplicationBuilder>? configure = null) =>
        StartAsync(() => Servers.StartAsync($"check {exercise.Id}", configure ?? (_ => { }), map,
            new ServerOptions { ClientTimeout = Timeout, StopTimeout = TimeSpan.Zero }));

    /// <summary>
    /// Sends <paramref name="request"/> and reads the whole answer. The starter's exception ends the check as not attempted;
    /// any other exception of the handler, or no answer within <see cref="Timeout"/>, ends it as incorrect.
    /// </summary>
    /// <param name="client">The client to send with, e.g. the server's.</param>
    /// <param name="request">The request; <paramref name="name"/> names it in messages.</param>
    /// <param name="name">How messages name the request, e.g. <c>`GET /catalog`</c>.</param>
    /// <param name="server">The learner's server, whose log says whether the handler threw; null when it is not one.</param>
    public async Task<CheckReply> SendAsync(HttpClient client, HttpRequestMessage request, string name, RunningServer? server = null)
    {
        var before = server?.Log.Total ?? 0;
        using var timeout = new CancellationTokenSource(Timeout);
        CheckReply reply;
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            reply = new CheckReply(response, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (HttpRequestException e)
        {
            throw new CheckStop(Wrong($"{name} could not reach the server at `{client.BaseAddress}` ({e.Message}). Is it still running?"));
        }
        catch (OperationCanceledException)
        {
            HandlerHung = true;
            throw new CheckStop(Wrong($"{name} got no response within {Durations.Format(Timeout)}. " +
                "Does the handler wait for something that never finishes (a missing `await`, `.Result`, an endless loop)?"));
        }
        var entry = server is not null && server.Log.Total > before ? server.Log.Last : null;
        var starter = Saw(request, reply, server, entry);
        if (starter) throw new CheckStop(await StarterFoundAsync(client, server));
        if (entry?.Error is { } error) throw new CheckStop(Wrong($"{name}: your handler threw `{error}`."));
        return reply;
    }

    /// <summary>The verdict "correct", with the steps as details.</summary>
    public CheckResult Correct(string message) => exercise.Verdict(CheckOutcome.Correct, message, Steps.Count == 0 ? null : string.Join('\n', Steps));

    /// <summary>The verdict "incorrect", with the steps that came before as details.</summary>
    public CheckResult Wrong(string message) =>
        exercise.Verdict(CheckOutcome.Incorrect, message, Steps.Count == 0 ? null : "What happened:\n" + string.Join('\n', Steps));

    /// <summary>The verdict "not attempted": the starter code is still in place (everywhere: see <see cref="StarterFoundAsync"/> for partial work).</summary>
    public CheckResult NotAttempted() => exercise.StarterVerdict();

    /// <summary>
    /// Stops everything the check started, newest first. After a hanging handler, each stop is waited for at most a
    /// quarter of a second (Kestrel gives a request that ignores its abort a whole second) and finishes in the background:
    /// the server is already out of <see cref="Servers"/>, and the verdict does not wait for it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            var stop = _started[i].DisposeAsync().AsTask();
            if (!HandlerHung) { await stop; continue; }
            _ = stop.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted); // observed, never thrown
            await Task.WhenAny(stop, Task.Delay(250));
        }
    }
}

/// <summary>An answer the learner's code gave to a check: status, body and headers (content headers included).</summary>
internal sealed class CheckReply(HttpResponseMessage response, string body)
{
    /// <summary>The status code, e.g. 200.</summary>
    public int Status { get; } = (int)response.StatusCode;

    /// <summary>The body as text.</summary>
    public string Body { get; } = body;

    /// <summary>The headers; content headers (Content-Type…) included.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
        .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>ETag</c> header as sent, or null.</summary>
    public string? ETag => Headers.GetValueOrDefault("ETag");
}

/// <summary>Ends a check early with its verdict (thrown by <see cref="CheckRun"/>, caught by <see cref="Exercise.RunAsync"/>).</summary>
internal sealed class CheckStop(CheckResult result) : Exception(result.Message)
{
    /// <summary>The verdict.</summary>
    public CheckResult Result { get; } = result;
}
