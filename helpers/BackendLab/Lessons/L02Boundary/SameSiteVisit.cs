using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// What a real Chromium sent to <see cref="SameSiteShop"/> during the <c>SameSite</c> experiment: each request the shop logged,
/// with the cookies it carried (from the shop's own log, the source of truth) and how the browser labelled it
/// (<c>Sec-Fetch-Site</c>). Shows as a sequence diagram and a table of request × cookie when it is a cell's value, as a red box
/// when Chromium failed, or as a grey "skipped" note when no browser is installed. Defined in lesson 2.
/// </summary>
public sealed class SameSiteVisit : IHtmlContent
{
    internal SameSiteVisit(string shopOrigin, string otherSiteOrigin, BrowserRun? run, IReadOnlyList<ServedRequest> requests) =>
        (ShopOrigin, OtherSiteOrigin, Run, Requests) = (shopOrigin, otherSiteOrigin, run, requests);

    internal static SameSiteVisit NotRun(string shopOrigin, string otherSiteOrigin) => new(shopOrigin, otherSiteOrigin, null, []);

    /// <summary>True when a Chromium was found and ran; false when none is installed (nothing was sent).</summary>
    public bool Ran => Run is not null;

    /// <summary>The browser run itself (time, exit code), or null when no browser ran.</summary>
    public BrowserRun? Run { get; }

    /// <summary>The shop's origin, e.g. <c>http://127.0.0.1:5001</c>.</summary>
    public string ShopOrigin { get; }

    /// <summary>The other site's origin as the browser saw it, e.g. <c>http://localhost:5002</c>.</summary>
    public string OtherSiteOrigin { get; }

    /// <summary>Every request of the experiment the shop answered, in the order they arrived.</summary>
    public IReadOnlyList<ServedRequest> Requests { get; }

    /// <summary>True when Chromium finished in time and every step's request reached the shop.</summary>
    public bool Completed => Ran && !Run!.TimedOut && Run.ExitCode == 0 && Enum.GetValues<SameSiteStep>().All(s => Request(s) is not null);

    /// <summary>The shop's log entry for <paramref name="step"/>, or null when that request never arrived.</summary>
    public ServedRequest? Request(SameSiteStep step) => Requests.FirstOrDefault(r => StepOf(r) == step);

    /// <summary>
    /// The names of the shop's cookies that came with <paramref name="step"/>'s request, in <see cref="SameSiteShop.Cookies"/>'
    /// order (empty when it carried none), or null when that request never arrived.
    /// </summary>
    public IReadOnlyList<string>? Arrived(SameSiteStep step) =>
        Request(step) is not { } r ? null : [.. SameSiteShop.Cookies.Select(c => c.Name).Where(n => r.CookieNames?.Contains(n) == true)];

    /// <summary>
    /// The cookies the rule says a browser sends with <paramref name="step"/>'s request: <c>None</c> always; <c>Lax</c> on a same-site
    /// request or a top-level navigation with a safe method (<c>GET</c>); <c>Strict</c> on a same-site request only. On
    /// <see cref="SameSiteStep.ShopPage"/>, none: the cookies are set by its answer.
    /// </summary>
    public static IReadOnlyList<string> Expected(SameSiteStep step) =>
    [
        .. SameSiteShop.Cookies.Where(c => step != SameSiteStep.ShopPage && c.Mode switch
        {
            SameSiteMode.Strict => step == SameSiteStep.OwnFormPost,
            SameSiteMode.Lax => step is SameSiteStep.OwnFormPost or SameSiteStep.CrossSiteLink,
            _ => true,
        }).Select(c => c.Name),
    ];

    /// <summary>The step a logged request belongs to, or null for a request that is no step (a favicon, say).</summary>
    public static SameSiteStep? StepOf(ServedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fromOtherSite = request.Path.Contains("from=other-site", StringComparison.Ordinal);
        return (request.Method, request.Route) switch
        {
            ("GET", "/") => SameSiteStep.ShopPage,
            ("POST", "/orders") => fromOtherSite ? SameSiteStep.CrossSiteFormPost : SameSiteStep.OwnFormPost,
            ("GET", "/account") when fromOtherSite => SameSiteStep.CrossSiteLink,
            _ => null,
        };
    }

    static string Describe(SameSiteStep step) => step switch
    {
        SameSiteStep.ShopPage => "the browser opens the shop (its answer sets the cookies)",
        SameSiteStep.OwnFormPost => "the shop's own page posts its form",
        SameSiteStep.CrossSiteFormPost => "a page on the other site posts a form to the shop",
        _ => "a link on the other site leads to the shop",
    };

    /// <summary>The shop's log of the visit as a table: one row per request, one column per cookie (arrived or left off).</summary>
    public HtmlTable Table()
    {
        var table = new HtmlTable($"Which cookies reached the shop ({ShopOrigin}): its own log, while Chromium walked the experiment")
            .Column("#").Column("request").Column("started by")
            .Column("Sec-Fetch-Site", "how the browser itself placed the page that started the request: same-origin, cross-site, or none (an address typed in)");
        foreach (var c in SameSiteShop.Cookies) table.Column($"{c.Name} ({c.Attributes})");
        table.Column("status");
        for (var i = 0; i < Requests.Count; i++)
        {
            var r = Requests[i];
            var cells = new List<object?> { i + 1, $"{r.Method} {r.Path.Split('?')[0]}", StepOf(r) is { } s ? Describe(s) : "—", r.FetchSite ?? "—" };
            cells.AddRange(SameSiteShop.Cookies.Select(c => (object)(r.CookieNames?.Contains(c.Name) == true ? "✓ arrived"
                : StepOf(r) == SameSiteStep.ShopPage ? "— not set yet" : "— left off")));
            cells.Add(r.StatusCode);
            table.Row([.. cells]);
        }
        return table;
    }

    /// <summary>The visit as a sequence diagram: each request from the page that started it, with the cookies it carried, and the shop's answer with its time.</summary>
    /// <param name="title">The picture's title.</param>
    public Picture Diagram(string title)
    {
        const string shopPage = "shop's page", otherPage = "other site's page", shop = "shop (server)";
        var steps = new List<SequenceStep>();
        foreach (var r in Requests)
        {
            var from = StepOf(r) is SameSiteStep.CrossSiteFormPost or SameSiteStep.CrossSiteLink ? otherPage : shopPage;
            var cookies = r.CookieNames is { Count: > 0 } names ? "cookies: " + string.Join(", ", names) : "no cookie";
            steps.Add(new(from, shop, $"{r.Method} {r.Path.Split('?')[0]} · {cookies}"));
            steps.Add(new(shop, from, r.StatusCode.ToString(CultureInfo.InvariantCulture), r.DurationMs));
        }
        return SequenceDiagram.Draw(title, [shopPage, otherPage, shop], [.. steps]);
    }

    static string Host(string origin) => Uri.TryCreate(origin, UriKind.Absolute, out var u) ? u.Authority : origin;

    /// <summary>
    /// What the shop's log shows, as a claim generated from it: the own post carried every cookie, the cross-site form post left
    /// the <c>Strict</c> and <c>Lax</c> cookies off, the cross-site link brought <c>Lax</c> and not <c>Strict</c>; or the grey
    /// "skipped" note when no browser ran (no claim without a run).
    /// </summary>
    public static IHtmlContent Claims(SameSiteVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return visit.Ran ? Claim.All(Statements(visit)) : new HtmlString(SkipNote());
    }

    /// <summary>The statements of <see cref="Claims"/>, each with whether it holds: the cookies that arrived match <see cref="Expected"/>, and the browser labelled the request as the step says.</summary>
    public static IReadOnlyList<(string Statement, bool Holds)> Statements(SameSiteVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return
        [
            Statement(visit, SameSiteStep.OwnFormPost, "same-origin", "the shop's own form post"),
            Statement(visit, SameSiteStep.CrossSiteFormPost, "cross-site", $"the form POST from the page on {Host(visit.OtherSiteOrigin)}"),
            Statement(visit, SameSiteStep.CrossSiteLink, "cross-site", $"the top-level GET of the link on {Host(visit.OtherSiteOrigin)}"),
        ];
    }

    static (string, bool) Statement(SameSiteVisit visit, SameSiteStep step, string site, string what)
    {
        if (visit.Arrived(step) is not { } arrived)
            return ($"{what} never reached the shop (Chromium ran {visit.Run?.Milliseconds ?? 0:N0} ms, exit code {visit.Run?.ExitCode}{(visit.Run?.TimedOut == true ? ", killed at its time limit" : "")})", false);
        var leftOff = SameSiteShop.Cookies.Select(c => c.Name).Except(arrived).ToList();
        var label = visit.Request(step)!.FetchSite ?? "no Sec-Fetch-Site";
        return ($"{what} ({label}) carried {Names(arrived)}" + (leftOff.Count > 0 ? $" and left off {Names(leftOff)}" : ""),
            arrived.SequenceEqual(Expected(step)) && label == site);
    }

    static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "no cookie",
        1 => $"`{names[0]}`",
        _ => string.Join(", ", names.SkipLast(1).Select(n => $"`{n}`")) + $" and `{names[^1]}`",
    };

    static string SkipNote() => Box.Skipped("real browser skipped",
        "No Chromium is installed on this machine, so no browser ran and nothing was sent: the SameSite rules above stand unmeasured.",
        $"To install one: {HeadlessChromium.InstallHint}");

    string FailureNote() => Box.Render("#c0392b", "✗ Chromium did not complete the experiment", "",
        Html.Encode($"It ran {Run!.Milliseconds:N0} ms, exit code {Run.ExitCode}{(Run.TimedOut ? ", killed at its time limit" : "")}; " +
                    $"the shop logged {Requests.Count} of the experiment's {Enum.GetValues<SameSiteStep>().Length} requests. What Chromium wrote to stderr, last lines:"),
        string.Join("\n", Run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(8)));

    /// <summary>A one-line summary of the visit.</summary>
    public override string ToString() => Ran
        ? $"Chromium, shop on {ShopOrigin}, other site {OtherSiteOrigin}, {Run!.Milliseconds:0} ms: " +
          string.Join("; ", Requests.Select(r => $"{r.Method} {r.Path.Split('?')[0]} carried {(r.CookieNames is { Count: > 0 } n ? string.Join(", ", n) : "no cookie")}"))
        : "No Chromium installed: nothing was sent.";

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!Ran) { writer.Write(SkipNote()); return; }
        if (!Completed) writer.Write(FailureNote());
        Diagram($"A real Chromium: the shop on {Host(ShopOrigin)}, another site on {Host(OtherSiteOrigin)}").WriteTo(writer, encoder);
        Table().WriteTo(writer, encoder);
        writer.Write($"<div style=\"{Html.Font}\">Chromium walked the experiment in {Run!.Milliseconds:N0} ms (one run, a fresh profile; exit code {Run.ExitCode}).</div>");
    }
}
