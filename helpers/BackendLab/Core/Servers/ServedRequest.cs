namespace BackendLab;

/// <summary>One request a <see cref="RunningServer"/> answered, as its <see cref="RequestLog"/> recorded it.</summary>
/// <param name="Time">When the request arrived (local clock).</param>
/// <param name="Method">The HTTP method: GET, POST…</param>
/// <param name="Path">The path and query string, e.g. <c>/items?page=2</c>.</param>
/// <param name="StatusCode">The status code sent back, e.g. 200 or 404 (500 when the handler threw).</param>
/// <param name="DurationMs">Time from the request reaching the server's pipeline to the response being finished, in milliseconds.</param>
/// <param name="ResponseBytes">The body size from the Content-Length header, or null when the body was streamed without one.</param>
/// <param name="Error">The exception the handler threw ("InvalidOperationException: …"), or null when it did not throw.</param>
/// <param name="Route">The route pattern of the endpoint that served it, e.g. <c>/items/{id}</c>, or null when no endpoint matched.</param>
/// <param name="Origin">The request's <c>Origin</c> header (a browser adds it to cross-origin requests and form posts), or null.</param>
/// <param name="ContentType">The request's <c>Content-Type</c> header, e.g. <c>application/json</c>, or null when it had none.</param>
/// <param name="CookieNames">The names of the cookies the request carried in its <c>Cookie</c> header (never their values), or null when it
/// carried none. A browser decides which of its cookies to attach (lesson 2's <c>SameSite</c> experiment reads them here).</param>
/// <param name="FetchSite">The request's <c>Sec-Fetch-Site</c> header: how the browser itself placed the page that started the request
/// (<c>same-origin</c>, <c>same-site</c>, <c>cross-site</c>, or <c>none</c> for an address typed in), or null (clients that are not
/// browsers, such as <c>HttpClient</c>, send none).</param>
public sealed record ServedRequest(
    DateTimeOffset Time, string Method, string Path, int StatusCode, double DurationMs, long? ResponseBytes, string? Error = null, string? Route = null,
    string? Origin = null, string? ContentType = null, IReadOnlyList<string>? CookieNames = null, string? FetchSite = null)
{
    /// <summary>A one-line summary, e.g. <c>GET /hello → 200 (1.2 ms)</c>.</summary>
    public override string ToString() =>
        $"{Method} {Path} → {StatusCode} ({Durations.Format(TimeSpan.FromMilliseconds(DurationMs))}){(Error is null ? "" : " " + Error)}";
}
