using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// Entity tags for conditional GETs (Lesson 4): an ETag names one version of a resource's representation, so a client
/// can ask "send it only if it changed" with <c>If-None-Match</c> and get <c>304 Not Modified</c> with no body when not.
/// </summary>
public static class ETags
{
    /// <summary>A strong ETag for these exact bytes: a quoted SHA-256 prefix, e.g. <c>"Xk3…"</c>. Same bytes, same tag.</summary>
    public static string For(ReadOnlySpan<byte> content) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(content)[..12]).Replace('+', '-').Replace('/', '_') + "\"";

    /// <summary>A strong ETag for this text (hashed as UTF-8).</summary>
    public static string For(string content) => For(System.Text.Encoding.UTF8.GetBytes(content ?? ""));

    /// <summary>
    /// True when the request's <c>If-None-Match</c> header names <paramref name="etag"/> (or is <c>*</c>): the client
    /// already holds this version, so a 304 is the right answer. Uses the weak comparison RFC 9110 asks for here.
    /// </summary>
    public static bool IfNoneMatch(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.GetTypedHeaders().IfNoneMatch;
        if (values is null || values.Count == 0) return false;
        var current = EntityTagHeaderValue.Parse(etag);
        return values.Any(v => v.Equals(EntityTagHeaderValue.Any) || v.Compare(current, useStrongComparison: false));
    }
}
