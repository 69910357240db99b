using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static BackendLab.Lessons.L02Boundary.ChainedPages;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// The shop of lesson 2's <c>SameSite</c> experiment, on 127.0.0.1. <c>GET /</c> sets <see cref="Cookies"/>, one per
/// <c>SameSite</c> mode, and shows an order form; <c>POST /orders</c> and <c>GET /account</c> answer with a short page. Its own
/// log records which cookies each request carried (<see cref="ServedRequest.CookieNames"/>): that is what the browser decided.
/// <see cref="OpenInChromiumAsync"/> walks a real headless Chromium through the experiment. Defined in lesson 2.
/// <code>var shop = await SameSiteShop.StartAsync();
/// var otherSite = await OtherSite.StartAsync();
/// var visit = await SameSiteShop.OpenInChromiumAsync(shop, otherSite);   // visit.Arrived(step): the cookies that came</code>
/// </summary>
public static class SameSiteShop
{
    /// <summary>
    /// The cookies <c>GET /</c> sets: <c>strict</c>, <c>lax</c> and <c>none</c> (<c>SameSite=None; Secure</c>), each with its mode.
    /// None of them is left without a <c>SameSite</c> attribute, on purpose: Chrome treats such a cookie as <c>Lax</c> but, for its
    /// first two minutes, still sends it on a cross-site top-level <c>POST</c> ("Lax+POST"), so what arrived would depend on the clock.
    /// </summary>
    public static IReadOnlyList<SameSiteCookie> Cookies { get; } =
        [new("strict", SameSiteMode.Strict), new("lax", SameSiteMode.Lax), new("none", SameSiteMode.None)];

    /// <summary>The time limit of one browser run when none is given: generous for a busy machine, and still bounded.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Starts the shop on its own loopback port. Given <c>?then=</c> (an address on this machine), its pages go on by themselves,
    /// which is how one browser run walks the whole experiment: the shop's page submits its own form at once, as a visitor
    /// pressing Order would, and the order's answer moves on to <c>then</c>. Without it they are plain pages.
    /// </summary>
    /// <param name="name">The server's name in <see cref="Servers.Running"/>.</param>
    public static Task<RunningServer> StartAsync(string name = "shop-samesite") =>
        Servers.StartAsync(name, app =>
        {
            app.MapGet("/", (HttpContext http, string? then) =>
            {
                foreach (var cookie in Cookies) http.Response.Cookies.Append(cookie.Name, "session-1", cookie.Options);
                var next = OnThisMachine(then);
                var action = "/orders?from=shop-page" + (next is null ? "" : "&then=" + Uri.EscapeDataString(next));
                return Results.Content(Page("the shop",
                    $"""<h1>The shop</h1><form id="order" method="post" action="{Html.Encode(action)}"><input name="product" value="book"><button>Order</button></form>""",
                    next is null ? null : Submit("order")), "text/html");
            });
            app.MapPost("/orders", (string? then) =>
                Results.Content(Page("order received", "<p>Order received.</p>", OnThisMachine(then) is { } next ? GoTo(next) : null), "text/html"));
            app.MapGet("/account", () => Results.Content(Page("your account", "<p>Your account.</p>"), "text/html"));
        });

    /// <summary>
    /// Runs the experiment in a real headless Chromium, in one run with a fresh profile: it opens the shop (which sets the
    /// cookies), the shop's page posts its own form (same-site), then a page on <paramref name="otherSite"/> posts a form to the
    /// shop (cross-site), and a link on that site leads to the shop's <c>/account</c> (cross-site, top-level <c>GET</c>).
    /// Returns what the shop's log recorded meanwhile. When no Chromium is installed it returns at once a visit with
    /// <see cref="SameSiteVisit.Ran"/> false, shown as a grey "skipped" note saying how to install one.
    /// </summary>
    /// <param name="shop">A server started with <see cref="StartAsync"/>.</param>
    /// <param name="otherSite">A server started with <see cref="OtherSite.StartAsync"/>.</param>
    /// <param name="timeout">Wall-clock limit for the browser (default <see cref="DefaultTimeout"/>); it is killed after that.</param>
    public static async Task<SameSiteVisit> OpenInChromiumAsync(RunningServer shop, RunningServer otherSite, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(otherSite);
        var other = OtherSite.UrlOf(otherSite);
        if (HeadlessChromium.Find() is null) return SameSiteVisit.NotRun(shop.Url, other);
        var shopUrl = Uri.EscapeDataString(shop.Url);
        var link = $"{other}/link?shop={shopUrl}";
        var post = $"{other}/post?shop={shopUrl}&then={Uri.EscapeDataString(link)}";
        var before = shop.Log.Total;
        var run = await HeadlessChromium.DumpDomAsync($"{shop.Url}/?then={Uri.EscapeDataString(post)}", timeout: timeout ?? DefaultTimeout);
        // The link's request is the last step; the log is written when its response is finished: give it a moment.
        for (var wait = 0; wait < 40 && !Since(shop, before).Any(r => r.Route == "/account"); wait++) await Task.Delay(50);
        return new SameSiteVisit(shop.Url, other, run, [.. Since(shop, before).Where(r => r.Route is "/" or "/orders" or "/account")]);
    }

    static IEnumerable<ServedRequest> Since(RunningServer server, long before) =>
        server.Log.TakeLast((int)Math.Min(server.Log.Total - before, server.Log.Count));
}
