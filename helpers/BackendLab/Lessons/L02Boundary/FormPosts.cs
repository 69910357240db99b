using System.Net.Http;
using System.Text.RegularExpressions;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// HTML form posts as a browser sends them (<c>application/x-www-form-urlencoded</c>, with the page's <c>Origin</c>), built
/// in C#: the forged one a page on another site makes, and the shop's own one carrying the antiforgery token its page holds.
/// This is C# sending the bytes a browser would send; what a browser adds or leaves off by itself (cookies under
/// <c>SameSite</c>) is the browser's doing, and the request carries whatever cookies the <see cref="HttpClient"/> holds.
/// Defined in lesson 2.
/// </summary>
public static partial class FormPosts
{
    /// <summary>A page on another site, here <c>http://evil.example</c>, whose hidden form posts <paramref name="fields"/> to <paramref name="path"/>: no token, since that page cannot read the shop's.</summary>
    public static HttpRequestMessage CrossSite(string path, IReadOnlyDictionary<string, string> fields, string origin = "http://evil.example") =>
        Build(path, fields, origin);

    /// <summary>The shop's own page posting its form: <paramref name="fields"/> plus the hidden antiforgery field found in <paramref name="pageHtml"/>, with the shop's origin.</summary>
    /// <param name="path">Where the form posts, e.g. <c>/orders</c>.</param>
    /// <param name="fields">The visible fields, e.g. <c>product=book</c>.</param>
    /// <param name="pageHtml">The page the server sent, holding <c>&lt;input type="hidden" name="…" value="…"&gt;</c>.</param>
    /// <param name="origin">The shop's own origin, e.g. <c>server.Url</c>.</param>
    public static HttpRequestMessage FromOwnPage(string path, IReadOnlyDictionary<string, string> fields, string pageHtml, string origin)
    {
        var hidden = HiddenInput().Match(pageHtml ?? throw new ArgumentNullException(nameof(pageHtml)));
        if (!hidden.Success) throw new ArgumentException("The page has no hidden input (name and value) to carry a token.", nameof(pageHtml));
        var all = new Dictionary<string, string>(fields) { [hidden.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(hidden.Groups["value"].Value) };
        return Build(path, all, origin);
    }

    private static HttpRequestMessage Build(string path, IReadOnlyDictionary<string, string> fields, string origin)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", origin.TrimEnd('/')); // a browser adds the page's origin itself
        return request;
    }

    [GeneratedRegex("<input[^>]*type=\"?hidden\"?[^>]*name=\"?(?<name>[^\" >]+)\"?[^>]*value=\"?(?<value>[^\" >]*)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
