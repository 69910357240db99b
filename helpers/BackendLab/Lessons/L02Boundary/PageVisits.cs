using System.Diagnostics;
using System.Net;
using System.Net.Http;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// Simulated users opening a page several times, the way browsers do: each view requests the page's <c>paths</c> in
/// order (the page, then what its script fetches), through the caches you choose, and honours the backend's
/// <c>Cache-Control</c> and <c>ETag</c> headers. The backend's own request log says what reached it. Users take turns,
/// one after another, so the times are the backend's work and not a queue. Defined in lesson 2.
/// <code>
/// var cost = await PageVisits.RunAsync(server, "static page + API", users: 20, viewsPerUser: 10, ["/", "/api/shop"], PageCache.Browser);
/// </code>
/// </summary>
public static class PageVisits
{
    /// <summary>Runs the visits (one untimed request per path first, so no number includes compiling the endpoints) and returns what they cost the backend.</summary>
    /// <param name="server">The backend; its request log must be on (the default).</param>
    /// <param name="label">A name for the result.</param>
    /// <param name="users">Users, each with their own browser cache and a cookie <c>user=N</c> (1 to 1,000).</param>
    /// <param name="viewsPerUser">Times each user opens the page (1 to 100).</param>
    /// <param name="paths">What one page view requests, in order, e.g. <c>["/"]</c> or <c>["/", "/api/shop"]</c>.</param>
    /// <param name="cache">The caches in front of the backend.</param>
    /// <param name="timeLimit">Stop starting new views after this long. Default 20 s.</param>
    public static async Task<VisitCost> RunAsync(RunningServer server, string label, int users, int viewsPerUser, string[] paths,
        PageCache cache = PageCache.Browser, TimeSpan? timeLimit = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(users, 1_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(viewsPerUser, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(viewsPerUser, 100);
        if (paths.Length == 0) throw new ArgumentException("A page view requests at least one path.", nameof(paths));
        var baseUri = Loopback.Require(server.Url + "/");
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(5) };
        foreach (var path in paths) (await SendAsync(http, path, "0", null)).Dispose();

        server.Log.Clear();
        var deadline = Stopwatch.GetTimestamp() + (long)((timeLimit ?? TimeSpan.FromSeconds(20)).TotalSeconds * Stopwatch.Frequency);
        var shared = cache == PageCache.BrowserAndShared ? new Dictionary<string, Stored>() : null;
        long bytes = 0, browserHits = 0, sharedHits = 0, notModified = 0;
        for (var u = 1; u <= users && Stopwatch.GetTimestamp() < deadline; u++)
        {
            var browser = cache == PageCache.None ? null : new Dictionary<string, Stored>();
            for (var v = 0; v < viewsPerUser; v++)
                foreach (var path in paths)
                {
                    if (browser?.GetValueOrDefault(path) is { IsFresh: true }) { browserHits++; continue; }
                    if (shared?.GetValueOrDefault(path) is { IsFresh: true } kept) { sharedHits++; browser![path] = kept; continue; }
                    using var response = await SendAsync(http, path, u.ToString(), browser?.GetValueOrDefault(path)?.ETag);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    bytes += body.Length;
                    if (response.StatusCode == HttpStatusCode.NotModified) { notModified++; if (browser is not null) browser[path] = browser[path] with { Until = Until(response) }; continue; }
                    if (Storable(response) is not { } stored) continue;
                    if (browser is not null) browser[path] = stored;
                    if (shared is not null && response.Headers.CacheControl is { Public: true, MaxAge: not null }) shared[path] = stored;
                }
        }

        var served = server.Log.ToList();
        return new VisitCost
        {
            Label = label, Users = users, ViewsPerUser = viewsPerUser, Cache = cache,
            BackendRequests = served.Count, BackendBytes = bytes, BackendMs = served.Sum(r => r.DurationMs),
            RequestsByPath = paths.Distinct().ToDictionary(p => p, p => (long)served.Count(r => r.Path == p)),
            MedianMsByPath = served.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => Median(g.Select(r => r.DurationMs))),
            BrowserHits = browserHits, SharedHits = sharedHits, NotModified = notModified,
        };
    }

    /// <summary>The runs side by side, one row each, with a legend.</summary>
    public static HtmlTable Table(params IEnumerable<VisitCost> costs)
    {
        var table = new HtmlTable()
            .Column("delivery").Column("users × views")
            .Column("requests to backend", "requests that reached the backend (its log)")
            .Column("answered by caches", "browser caches + the shared cache: requests the backend never saw")
            .Column("KB sent per user", "response body bytes the backend sent, per user (1 KB = 1,000 bytes)")
            .Column("backend ms per user", "time inside the backend's pipeline, per user")
            .Column("median µs per request", "per path: the median time inside the backend's pipeline");
        foreach (var c in costs)
            table.Row(c.Label, $"{c.Users} × {c.ViewsPerUser}", c.BackendRequests, c.BrowserHits + c.SharedHits,
                Math.Round(c.BytesPerUser / 1000, 1), Math.Round(c.MsPerUser, 2),
                string.Join(", ", c.MedianMsByPath.Select(p => $"{p.Key} {p.Value * 1000:0}")));
        return table;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string user, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"user={user}");
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return http.SendAsync(request);
    }

    private static Stored? Storable(HttpResponseMessage response)
    {
        var cc = response.Headers.CacheControl;
        if (!response.IsSuccessStatusCode || cc is null || cc.NoStore) return null;
        var etag = response.Headers.ETag?.ToString();
        return cc.MaxAge is null && etag is null ? null : new Stored(etag, Until(response));
    }

    private static long Until(HttpResponseMessage response) =>
        response.Headers.CacheControl is { NoCache: false, MaxAge: { } age } ? Stopwatch.GetTimestamp() + (long)(age.TotalSeconds * Stopwatch.Frequency) : 0;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Stored(string? ETag, long Until)
    {
        public bool IsFresh => Stopwatch.GetTimestamp() < Until;
    }
}
