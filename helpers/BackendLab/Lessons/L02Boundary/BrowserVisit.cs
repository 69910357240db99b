using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// What a real Chromium did on <see cref="CrossOriginPage"/>: the requests that reached the API (from the API's own
/// <see cref="RunningServer.Log"/>, the source of truth), and what the page's <c>fetch</c> saw. Shows as a sequence
/// diagram and a table when it is a cell's value, or as a grey "skipped" note when no browser is installed.
/// Defined in lesson 2.
/// </summary>
public sealed partial class BrowserVisit : IHtmlContent
{
    internal BrowserVisit(string pageOrigin, string apiOrigin, BrowserRun? run, IReadOnlyList<ServedRequest> requests)
    {
        (PageOrigin, ApiOrigin, Run, Requests) = (pageOrigin, apiOrigin, run, requests);
        var outcome = run is null ? null : FetchOutcomeInPage().Match(run.Dom);
        FetchOutcome = outcome is { Success: true } ? WebUtility.HtmlDecode(outcome.Groups[1].Value) : "not seen";
    }

    internal static BrowserVisit NotRun(string pageOrigin, string apiOrigin) => new(pageOrigin, apiOrigin, null, []);

    /// <summary>True when a Chromium was found and ran; false when none is installed (nothing was sent).</summary>
    public bool Ran => Run is not null;

    /// <summary>The browser run itself (time, exit code, the page's final DOM), or null when no browser ran.</summary>
    public BrowserRun? Run { get; }

    /// <summary>The page's origin, e.g. <c>http://127.0.0.1:5001</c>.</summary>
    public string PageOrigin { get; }

    /// <summary>The API's origin, e.g. <c>http://127.0.0.1:5002</c>.</summary>
    public string ApiOrigin { get; }

    /// <summary>Every request the API answered during the visit, in the order they arrived.</summary>
    public IReadOnlyList<ServedRequest> Requests { get; }

    /// <summary>What the page's script saw of its <c>fetch</c>: "answered 201", or "refused by the browser (TypeError: …)".</summary>
    public string FetchOutcome { get; }

    /// <summary>Position of the preflight for the JSON fetch in <see cref="Requests"/>, or -1 when the browser sent none.</summary>
    public int PreflightAt => IndexOf("OPTIONS", "fetch");

    /// <summary>Position of the JSON <c>POST</c> in <see cref="Requests"/>, or -1 when the browser never sent it.</summary>
    public int JsonPostAt => IndexOf("POST", "fetch");

    /// <summary>Position of the form <c>POST</c> in <see cref="Requests"/>, or -1 when it never arrived.</summary>
    public int FormPostAt => IndexOf("POST", "form");

    /// <summary>True when the browser sent an <c>OPTIONS</c> preflight for the form post (it never should).</summary>
    public bool FormPreflighted => IndexOf("OPTIONS", "form") >= 0;

    /// <summary>The JSON <c>POST</c> arrived, after its <c>OPTIONS</c> preflight.</summary>
    public bool PreflightThenJsonPost => PreflightAt >= 0 && JsonPostAt > PreflightAt;

    /// <summary>The preflight arrived and the JSON <c>POST</c> did not: the browser kept it.</summary>
    public bool PreflightOnly => PreflightAt >= 0 && JsonPostAt < 0;

    /// <summary>The form <c>POST</c> arrived, form-encoded, with no preflight of its own.</summary>
    public bool FormPostWithoutPreflight => FormPostAt >= 0 && !FormPreflighted
        && Requests[FormPostAt].ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    int IndexOf(string method, string via)
    {
        for (var i = 0; i < Requests.Count; i++)
            if (Requests[i].Method == method && Requests[i].Path.EndsWith("via=" + via, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The API's log of the visit as a table: method, path, Origin, Content-Type, status.</summary>
    public HtmlTable Table()
    {
        var table = new HtmlTable($"What reached the API ({ApiOrigin}) while Chromium showed the page from {PageOrigin}: its own log")
            .Column("#").Column("method").Column("path").Column("Origin").Column("Content-Type").Column("status");
        for (var i = 0; i < Requests.Count; i++)
        {
            var r = Requests[i];
            table.Row(i + 1, r.Method, r.Path, r.Origin ?? "—", r.ContentType ?? "—", r.StatusCode);
        }
        return table;
    }

    /// <summary>The visit as a sequence diagram, one arrow per logged request and one per answer (with the server's time).</summary>
    /// <param name="title">The picture's title.</param>
    public Picture Diagram(string title)
    {
        const string browser = "Chromium (the page)", server = "the API";
        var steps = new List<SequenceStep>();
        foreach (var r in Requests)
        {
            steps.Add(new(browser, server, $"{r.Method} {r.Path}{(r.ContentType is { } t ? ", " + t.Split(';')[0] : "")}"));
            steps.Add(new(server, browser, r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), r.DurationMs));
        }
        return SequenceDiagram.Draw(title, [browser, server], [.. steps]);
    }

    /// <summary>
    /// What the log shows, as a claim, for a visit to an API whose policy allows the page's origin and one to an API whose
    /// policy refuses it; or the grey "skipped" note when no browser ran (no claim without a run).
    /// </summary>
    public static IHtmlContent Claims(BrowserVisit allowed, BrowserVisit refused)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(refused);
        return allowed.Ran && refused.Ran ? Claim.All([.. Statements(allowed, refused)]) : new HtmlString(SkipNote());
    }

    /// <summary>The statements of <see cref="Claims"/>, each with whether it holds.</summary>
    public static IReadOnlyList<(string Statement, bool Holds)> Statements(BrowserVisit allowed, BrowserVisit refused) =>
    [
        ($"the API that allows the page's origin got OPTIONS (request {allowed.PreflightAt + 1}) before the JSON POST (request {allowed.JsonPostAt + 1}); the page's fetch was {allowed.FetchOutcome}",
            allowed.PreflightThenJsonPost && allowed.FetchOutcome == "answered 201"),
        ($"the API that refuses the origin got the OPTIONS and never the JSON POST; the page's fetch was {refused.FetchOutcome}",
            refused.PreflightOnly && refused.FetchOutcome.StartsWith("refused by the browser", StringComparison.Ordinal)),
        ("both APIs got the form POST, form-encoded, with no OPTIONS before it", allowed.FormPostWithoutPreflight && refused.FormPostWithoutPreflight),
    ];

    static string SkipNote() => Box.Skipped("real browser skipped",
        "No Chromium is installed on this machine, so no browser ran; the C# reproduction above shows the same requests.",
        $"To install one: {HeadlessChromium.InstallHint}");

    /// <summary>Shows several visits one after the other, or one grey "skipped" note when no browser ran.</summary>
    public static IHtmlContent Show(params BrowserVisit[] visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        if (!visits.Any(v => v.Ran)) return new HtmlString(SkipNote());
        var builder = new HtmlContentBuilder();
        foreach (var v in visits) builder.AppendHtml(v);
        return builder;
    }

    /// <summary>A one-line summary of the visit.</summary>
    public override string ToString() => Ran
        ? $"Chromium on {PageOrigin} → {ApiOrigin} in {Run!.Milliseconds:0} ms: {string.Join(", ", Requests.Select(r => $"{r.Method} {r.Path} {r.StatusCode}"))}; fetch {FetchOutcome}"
        : "No Chromium installed: nothing was sent.";

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (!Ran) { writer.Write(SkipNote()); return; }
        Diagram($"A real Chromium, page on {PageOrigin}, API on {ApiOrigin}").WriteTo(writer, encoder);
        Table().WriteTo(writer, encoder);
        writer.Write($"<div style=\"{Html.Font}\">The page's script saw its fetch: <b>{Html.Encode(FetchOutcome)}</b>. Chromium ran for {Run!.Milliseconds:N0} ms (exit code {Run.ExitCode}{(Run.TimedOut ? ", killed at its time limit" : "")}).</div>");
    }

    [GeneratedRegex("<span id=\"fetch-outcome\">([^<]*)</span>")]
    private static partial Regex FetchOutcomeInPage();
}
