using System.Net.Http;
using System.Net.Http.Headers;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// When a browser sends a cross-origin request straight away and when it asks first with a preflight
/// (<c>OPTIONS</c>), by the Fetch standard's rule (fetch.spec.whatwg.org, "CORS-safelisted method" and
/// "CORS-safelisted request-header"): a request needs a preflight when its method is not <c>GET</c>, <c>HEAD</c> or
/// <c>POST</c>, when it sets a header other than <c>Accept</c>, <c>Accept-Language</c>, <c>Content-Language</c> and
/// <c>Content-Type</c>, or when its <c>Content-Type</c> is not one an HTML form can send
/// (<c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>, <c>text/plain</c>).
/// Whether the request changes anything plays no part: a form <c>POST</c> is sent without asking.
/// <code>CorsPreflight.Reason(request)   // null: sent at once; else why the browser asks first</code>
/// This covers the rule's common cases; the standard also limits safelisted headers' values (128 bytes, some
/// characters) and allows a <c>Range</c> header of one byte range, which the lesson does not use.
/// </summary>
public static class CorsPreflight
{
    static readonly string[] SafelistedMethods = ["GET", "HEAD", "POST"];
    static readonly string[] SafelistedHeaders = ["Accept", "Accept-Language", "Content-Language", "Content-Type"];
    static readonly string[] FormContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    /// <summary>True when a browser would send a preflight before this cross-origin request.</summary>
    public static bool IsNeeded(HttpRequestMessage request) => Reason(request) is not null;

    /// <summary>Why a browser would preflight this cross-origin request, or null when it would send it at once.</summary>
    public static string? Reason(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SafelistedMethods.Contains(request.Method.Method))
            return $"the method {request.Method.Method} is not GET, HEAD or POST";
        var headers = request.Headers.Select(h => h.Key).Where(h => !h.Equals("Origin", StringComparison.OrdinalIgnoreCase));
        if (request.Content is not null) headers = headers.Concat(request.Content.Headers.Select(h => h.Key));
        var other = headers.FirstOrDefault(h => !SafelistedHeaders.Contains(h, StringComparer.OrdinalIgnoreCase)
                                                && !h.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        if (other is not null) return $"the header {other} is not CORS-safelisted";
        if (request.Content?.Headers.ContentType is MediaTypeHeaderValue type
            && !FormContentTypes.Contains(type.MediaType, StringComparer.OrdinalIgnoreCase))
            return $"Content-Type {type.MediaType} is not one an HTML form can send";
        return null;
    }
}
