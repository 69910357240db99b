using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// Lesson 4's caching exercise: a handler <c>IResult Catalog(HttpRequest request, HttpResponse response, string body)</c>
/// that answers 200 with the body and an <c>ETag</c>, or 304 with no body when <c>If-None-Match</c> names the current
/// version. The check changes the body half-way, so a tag that does not follow the content fails.
/// In a notebook: <c>await Lesson04.Q2.Check(Catalog)</c>.
/// </summary>
public sealed class ETagExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>Maps <c>GET /catalog</c> to <paramref name="handler"/> and runs the conditional-request steps. Never throws.</summary>
    public Task<CheckResult> Check(Func<HttpRequest, HttpResponse, string, IResult> handler) => GuardAsync(async () =>
    {
        if (handler is null) return NotAttempted();
        var body = """{"items":["tea","milk","bread"],"version":1}""";
        var server = await Servers.StartAsync($"check {Id}",
            app => app.MapGet("/catalog", (HttpRequest request, HttpResponse response) => handler(request, response, body)),
            new ServerOptions { ClientTimeout = TimeSpan.FromSeconds(5), StopTimeout = TimeSpan.FromSeconds(1) });
        var steps = new List<string>();
        CheckResult Wrong(string message) =>
            Result(CheckOutcome.Incorrect, message, steps.Count == 0 ? null : "Before that, these were right:\n" + string.Join('\n', steps));
        try
        {
            async Task<(HttpResponseMessage Response, string Body, string? Error)> Get(string? ifNoneMatch)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/catalog");
                if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
                var before = server.Log.Total;
                var response = await server.Client.SendAsync(request);
                return (response, await response.Content.ReadAsStringAsync(), server.Log.Total > before ? server.Log.Last?.Error : null);
            }

            // 1. A first visit: the whole body and a tag.
            var (first, firstBody, error) = await Get(null);
            if (LearnerCode.IsStarter(error)) return NotAttempted();
            if (error is not null) return Wrong($"`GET /catalog` made your handler throw `{error}`.");
            if (first.StatusCode != HttpStatusCode.OK) return Wrong($"A first `GET /catalog` (no `If-None-Match`) answered {(int)first.StatusCode}; it should be 200 with the body.");
            if (firstBody != body) return Wrong($"A first `GET /catalog` answered the body {Shown.Value(firstBody)}; it should be the `body` argument unchanged.");
            var etag = first.Headers.ETag?.ToString() ?? (first.Headers.TryGetValues("ETag", out var raw) ? string.Join(",", raw) : null);
            if (etag is null) return Wrong("The 200 response has no `ETag` header, so the client has nothing to send back in `If-None-Match`. Set `response.Headers.ETag`.");
            if (first.Headers.ETag is null) return Wrong($"The `ETag` header is {Shown.Value(etag)}; an entity tag must be in double quotes, e.g. `\"abc123\"` (`ETags.For(body)` makes one).");
            steps.Add($"✓ GET /catalog → 200 with ETag {etag}");

            // 2. The client already has this version.
            var (same, sameBody, _) = await Get(etag);
            if (same.StatusCode != HttpStatusCode.NotModified)
                return Wrong($"`GET /catalog` with `If-None-Match: {etag}` (the tag you just sent) answered {(int)same.StatusCode}; it should be 304 Not Modified.");
            if (sameBody.Length != 0) return Wrong($"The 304 response carried a body of {sameBody.Length} characters; a 304 has none (that is the point).");
            steps.Add($"✓ GET /catalog, If-None-Match: {etag} → 304, no body");

            // 3. Another tag: send the body.
            var (other, _, _) = await Get("\"some-other-version\"");
            if (other.StatusCode != HttpStatusCode.OK) return Wrong($"`If-None-Match: \"some-other-version\"` answered {(int)other.StatusCode}; a tag that is not the current one must get 200 and the body.");
            steps.Add("✓ GET /catalog, If-None-Match: \"some-other-version\" → 200");

            // 4. The content changes: the old tag must no longer match.
            body = """{"items":["tea","milk","bread","jam"],"version":2}""";
            var (changed, changedBody, _) = await Get(etag);
            if (changed.StatusCode == HttpStatusCode.NotModified)
                return Wrong("After the catalog changed, the old tag still got 304, so the client would keep showing the old catalog. Compute the tag from the current `body` (e.g. `ETags.For(body)`), not once for all.");
            if (changed.StatusCode != HttpStatusCode.OK || changedBody != body) return Wrong($"After the catalog changed, `GET /catalog` with the old tag answered {(int)changed.StatusCode} {Shown.Value(changedBody)}; expected 200 and the new body.");
            var newTag = changed.Headers.ETag?.ToString();
            if (newTag is null || newTag == etag) return Wrong($"After the catalog changed, its tag is still {Shown.Value(newTag)}: a new version needs a new tag.");
            steps.Add($"✓ changed content, old tag → 200 with new ETag {newTag}");

            var (again, _, _) = await Get(newTag);
            if (again.StatusCode != HttpStatusCode.NotModified) return Wrong($"`If-None-Match: {newTag}` (the new tag) answered {(int)again.StatusCode}; expected 304.");
            steps.Add($"✓ GET /catalog, If-None-Match: {newTag} → 304");
            return Result(CheckOutcome.Correct, "200 with a tag, 304 while it matches, a new tag when the content changes.", string.Join('\n', steps));
        }
        finally { await server.StopAsync(); }
    });
}
