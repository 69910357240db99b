using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// A page on its own origin whose script, as soon as it loads, makes the two cross-origin requests of lesson 2 to the
/// API named in its query string (<c>/?api=http://127.0.0.1:5001</c>): first a <c>fetch</c> <c>POST</c> with a JSON body
/// to <c>/orders?via=fetch</c>, then it submits an HTML form (<c>POST</c>, form-encoded) to <c>/orders?via=form</c>, into
/// a hidden frame so the page stays. It writes what its <c>fetch</c> saw into itself (<c>#fetch-outcome</c>).
/// Opened in a real headless Chromium by <see cref="OpenInChromiumAsync"/>; the API's own log then shows what the
/// browser sent. Defined in lesson 2.
/// <code>var page = await CrossOriginPage.StartAsync();
/// var visit = await CrossOriginPage.OpenInChromiumAsync(page, api);   // visit.Requests: what reached the API</code>
/// </summary>
public static class CrossOriginPage
{
    /// <summary>The page: a paragraph the script fills in, a hidden frame, the form, and the script.</summary>
    public const string Html = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>another origin</title></head><body>
        <p>fetch: <span id="fetch-outcome">not run</span></p>
        <iframe name="sink" hidden></iframe>
        <form id="order" method="post" target="sink"><input name="product" value="book"><input name="quantity" value="1"></form>
        <script>
        (async () => {
          const api = new URLSearchParams(location.search).get("api");
          const outcome = document.getElementById("fetch-outcome");
          try {
            const answer = await fetch(api + "/orders?via=fetch", {
              method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ product: "book", quantity: 1 }) });
            outcome.textContent = "answered " + answer.status;
          } catch (e) {
            outcome.textContent = "refused by the browser (" + e.name + ": " + e.message + ")";
          }
          const form = document.getElementById("order");
          form.action = api + "/orders?via=form";
          form.submit();
        })();
        </script>
        </body></html>
        """;

    /// <summary>Starts a server on its own loopback port (so its own origin) that serves <see cref="Html"/> at <c>/</c>.</summary>
    /// <param name="name">The server's name in <see cref="Servers.Running"/>.</param>
    public static Task<RunningServer> StartAsync(string name = "page-on-another-origin") =>
        Servers.StartAsync(name, app => app.MapGet("/", () => Results.Content(Html, "text/html")));

    /// <summary>
    /// Opens <paramref name="page"/> in a headless Chromium, pointed at <paramref name="api"/>, and collects what the API's
    /// log recorded during the visit. When no Chromium is installed it returns at once a visit with
    /// <see cref="BrowserVisit.Ran"/> false, which shows as a grey "skipped" note saying how to install one.
    /// </summary>
    /// <param name="page">A server started with <see cref="StartAsync"/>.</param>
    /// <param name="api">The API, on another port: its <c>POST /orders</c> receives both requests.</param>
    /// <param name="timeout">Wall-clock limit for the browser (default 30 s); it is killed after that.</param>
    public static async Task<BrowserVisit> OpenInChromiumAsync(RunningServer page, RunningServer api, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(api);
        if (HeadlessChromium.Find() is null) return BrowserVisit.NotRun(page.Url, api.Url);
        var before = api.Log.Total;
        var run = await HeadlessChromium.DumpDomAsync($"{page.Url}/?api={Uri.EscapeDataString(api.Url)}", timeout: timeout);
        // The form post goes out as the script's last act; give its request a moment to be logged (the log is written
        // when the response is finished).
        for (var wait = 0; wait < 40 && !Arrived(api, before); wait++) await Task.Delay(50);
        var count = (int)Math.Min(api.Log.Total - before, api.Log.Count);
        return new BrowserVisit(page.Url, api.Url, run, [.. api.Log.TakeLast(count)]);
    }

    static bool Arrived(RunningServer api, long before) =>
        api.Log.TakeLast((int)Math.Min(api.Log.Total - before, api.Log.Count)).Any(r => r.Method == "POST" && r.Path.EndsWith("via=form", StringComparison.Ordinal));
}
