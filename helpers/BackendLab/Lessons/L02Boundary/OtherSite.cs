using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static BackendLab.Lessons.L02Boundary.ChainedPages;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// Another site for lesson 2's <c>SameSite</c> experiment: a server on 127.0.0.1 whose pages the browser opens as
/// <c>http://localhost:PORT</c> (<see cref="UrlOf"/>). A site is a scheme and a registrable domain; a host that is an IP address is
/// a site of its own, and the port does not count. So <c>localhost</c> and <c>127.0.0.1</c> are two sites, and to the browser these
/// pages belong to a stranger, as <c>evil.example</c>'s would, while every byte stays on this machine. (A page on 127.0.0.1 at
/// another port would be cross-origin but same-site: the browser would send it even <c>SameSite=Strict</c> cookies.)
/// <c>GET /post?shop=…</c> submits a form to the shop's <c>/orders</c> at once; <c>GET /link?shop=…</c> follows a link to the
/// shop's <c>/account</c>. Defined in lesson 2.
/// </summary>
public static class OtherSite
{
    /// <summary>Starts the other site on its own loopback port.</summary>
    /// <param name="name">The server's name in <see cref="Servers.Running"/>.</param>
    public static Task<RunningServer> StartAsync(string name = "other-site") =>
        Servers.StartAsync(name, app =>
        {
            app.MapGet("/post", (string? shop, string? then) =>
                OnThisMachine(shop) is not { } target ? Results.BadRequest("shop must be an http address on this machine") :
                Results.Content(Page("another site",
                    $"""<form id="forged" method="post" action="{Html.Encode(target + "/orders?from=other-site" + (OnThisMachine(then) is { } next ? "&then=" + Uri.EscapeDataString(next) : ""))}"><input name="product" value="book"></form>""",
                    Submit("forged")), "text/html"));
            app.MapGet("/link", (string? shop) =>
                OnThisMachine(shop) is not { } target ? Results.BadRequest("shop must be an http address on this machine") :
                Results.Content(Page("another site",
                    $"""<a id="to-shop" href="{Html.Encode(target + "/account?from=other-site")}">your account at the shop</a>""",
                    """document.getElementById("to-shop").click();"""), "text/html"));
        });

    /// <summary>The address the browser uses for <paramref name="site"/>: <c>http://localhost:PORT</c>, another site than 127.0.0.1's.</summary>
    public static string UrlOf(RunningServer site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return $"http://localhost:{site.Port}";
    }
}
