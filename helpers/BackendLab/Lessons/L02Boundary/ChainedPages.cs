namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// The small pages of the <c>SameSite</c> experiment, and the one rule that lets them chain: a page goes on only to an address on
/// this machine (<c>localhost</c> or a loopback IP), so no page of the experiment can send the browser anywhere else.
/// </summary>
internal static class ChainedPages
{
    /// <summary>An HTML page with a title, a body, and (when given) a script that runs as it loads.</summary>
    public static string Page(string title, string body, string? script = null) =>
        $"""<!doctype html><html><head><meta charset="utf-8"><title>{Html.Encode(title)}</title></head><body>{body}""" +
        (script is null ? "" : $"<script>{script}</script>") + "</body></html>";

    /// <summary>A script that moves the tab on to <paramref name="url"/> (JSON-encoded, so it stays a string inside the script).</summary>
    public static string GoTo(string url) => $"location.replace({Html.ScriptJsonOf(url)});";

    /// <summary>A script that submits the page's form with id <paramref name="formId"/>, as a visitor pressing its button would.</summary>
    public static string Submit(string formId) => $"document.getElementById({Html.ScriptJsonOf(formId)}).submit();";

    /// <summary><paramref name="url"/> when it is an absolute <c>http</c> address on this machine (<see cref="Loopback"/>'s rule), else null.</summary>
    public static string? OnThisMachine(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && Loopback.IsLoopback(uri) ? url : null;
}
