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
    public Task<CheckResult> Check(Func<HttpRequest, HttpResponse, string, IResult> handler) => RunAsync(handler, async run =>
        {
            var body = """{"items":["tea","milk","bread"],"version":1}""";
            var server = await run.StartServerAsync(app => app.MapGet("/catalog", (HttpRequest request, HttpResponse response) => handler(request, response, body)));
            Task<CheckReply> Get(string? ifNoneMatch)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/catalog");
                if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
                return run.SendAsync(server.Client, request, ifNoneMatch is null ? "`GET /catalog`" : $"`GET /catalog` with `If-None-Match: {ifNoneMatch}`", server);
            }

            // 1. A first visit: the whole body and a tag.
            var first = await Get(null);
            if (first.Status != 200) return run.Wrong($"A first `GET /catalog` (no `If-None-Match`) answered {first.Status}; it should be 200 with the body.");
            if (first.Body != body) return run.Wrong($"A first `GET /catalog` answered the body {Shown.Value(first.Body)}; it should be the `body` argument unchanged.");
            if (first.ETag is not { } etag) return run.Wrong("The 200 response has no `ETag` header, so the client has nothing to send back in `If-None-Match`. Set `response.Headers.ETag`.");
            if (!EntityTagHeaderValue.TryParse(etag, out _)) return run.Wrong($"The `ETag` header is {Shown.Value(etag)}; an entity tag must be in double quotes, e.g. `\"abc123\"` (`ETags.For(body)` makes one).");
            run.Step($"✓ GET /catalog → 200 with ETag {etag}");

            // 2. The client already has this version.
            var same = await Get(etag);
            if (same.Status != 304) return run.Wrong($"`GET /catalog` with `If-None-Match: {etag}` (the tag you just sent) answered {same.Status}; it should be 304 Not Modified.");
            if (same.Body.Length != 0) return run.Wrong($"The 304 response carried a body of {same.Body.Length} characters; a 304 has none (that is the point).");
            run.Step($"✓ GET /catalog, If-None-Match: {etag} → 304, no body");

            // 3. Another tag: send the body.
            var other = await Get("\"some-other-version\"");
            if (other.Status != 200) return run.Wrong($"`If-None-Match: \"some-other-version\"` answered {other.Status}; a tag that is not the current one must get 200 and the body.");
            run.Step("✓ GET /catalog, If-None-Match: \"some-other-version\" → 200");

            // 4. The content changes: the old tag must no longer match.
            body = """{"items":["tea","milk","bread","jam"],"version":2}""";
            var changed = await Get(etag);
            if (changed.Status == 304)
                return run.Wrong("After the catalog changed, the old tag still got 304, so the client would keep showing the old catalog. Compute the tag from the current `body` (e.g. `ETags.For(body)`), not once for all.");
            if (changed.Status != 200 || changed.Body != body) return run.Wrong($"After the catalog changed, `GET /catalog` with the old tag answered {changed.Status} {Shown.Value(changed.Body)}; expected 200 and the new body.");
            if (changed.ETag is not { } newTag || newTag == etag) return run.Wrong($"After the catalog changed, its tag is still {Shown.Value(changed.ETag)}: a new version needs a new tag.");
            run.Step($"✓ changed content, old tag → 200 with new ETag {newTag}");

            var again = await Get(newTag);
            if (again.Status != 304) return run.Wrong($"`If-None-Match: {newTag}` (the new tag) answered {again.Status}; expected 304.");
            run.Step($"✓ GET /catalog, If-None-Match: {newTag} → 304");
            return run.Correct("200 with a tag, 304 while it matches, a new tag when the content changes.");
        });
}
