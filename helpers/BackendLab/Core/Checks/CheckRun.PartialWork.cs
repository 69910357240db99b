using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace BackendLab;

/// <summary>Partial work: which of the learner's endpoints are done when one still throws the starter's exception.</summary>
internal sealed partial class CheckRun
{
    /// <summary>
    /// Requests that reach each of the exercise's endpoints (an <see cref="EndpointExercise"/>'s probes, say). When one
    /// endpoint still has the starter code, they are sent to tell which of the others are done; so are requests to the
    /// learner's own endpoints that have no route parameters.
    /// </summary>
    public List<Func<HttpRequestMessage>> Samples { get; } = [];

    readonly PartialWork _work = new();

    /// <summary>
    /// True (default) when every endpoint of the checked server is the learner's, so one endpoint that works beside one
    /// that still throws the starter's exception is partial work. False when the check hosts the learner's piece inside
    /// endpoints of its own (the capstone's reference API around a learner's function): the starter's exception then
    /// means not attempted, whatever the check's own endpoints do.
    /// </summary>
    public bool EveryEndpointIsTheLearners { get; set; } = true;

    /// <summary>Records what an endpoint did (for a check that sends on its own clients); true when it threw the starter's exception.</summary>
    public void Saw(string endpoint, int status, bool starter) => _work.Saw(endpoint, status, starter);

    bool Saw(HttpRequestMessage request, CheckReply reply, RunningServer? server, ServedRequest? entry)
    {
        var starter = LearnerCode.IsStarter(entry?.Error) || (reply.Status == 500 && reply.Body.Contains(nameof(NotImplementedException), StringComparison.Ordinal));
        var endpoint = entry is not null ? (entry.Route is { } route ? $"{request.Method.Method} {route}" : null)
            : $"{request.Method.Method} {request.RequestUri?.OriginalString.Split('?')[0]}";
        if (endpoint is not null) _work.Saw(endpoint, reply.Status, starter);
        return starter;
    }

    /// <summary>
    /// One endpoint still throws the starter's exception: sends <see cref="Samples"/> and a request to each of the learner's
    /// endpoints without route parameters to see which are done. Not attempted when none is; otherwise incorrect, with a
    /// line per endpoint ("`POST /visits` works; `GET /visits` still throws `NotImplementedException`…").
    /// </summary>
    public async Task<CheckResult> StarterFoundAsync(HttpClient client, RunningServer? server)
    {
        if (!EveryEndpointIsTheLearners) return NotAttempted();
        foreach (var sample in Samples.Concat(LearnerEndpoints(server)))
        {
            using var request = sample();
            if (_work.Knows($"{request.Method.Method} {request.RequestUri?.OriginalString.Split('?')[0]}")) continue;
            var before = server?.Log.Total ?? 0;
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                using var response = await client.SendAsync(request, timeout.Token);
                var reply = new CheckReply(response, await response.Content.ReadAsStringAsync(timeout.Token));
                Saw(request, reply, server, server is not null && server.Log.Total > before ? server.Log.Last : null);
            }
            catch (OperationCanceledException) { HandlerHung = true; }
            catch (HttpRequestException) { }
        }
        return _work.AnyDone && _work.AnyStarter ? Wrong(_work.Message(exercise.Handle)) : NotAttempted();
    }

    /// <summary>A request to each endpoint the learner mapped that has no route parameters (an empty JSON object as the body of a POST, PUT or PATCH).</summary>
    static IEnumerable<Func<HttpRequestMessage>> LearnerEndpoints(RunningServer? server)
    {
        if (server is null) return [];
        return ((IEndpointRouteBuilder)server.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (method, path: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Select(x => (Func<HttpRequestMessage>)(() => new HttpRequestMessage(new HttpMethod(x.method), x.path)
            {
                Content = x.method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
            }))
            .ToList();
    }
}
