using System.Text;
using CourseRunner.Execution;
using CourseRunner.Notebooks;

namespace CourseRunner.Site;

/// <summary>
/// One lesson as a page: prose rendered (its first use of each glossary term linked to the glossary), code escaped, outputs
/// as the notebook showed them (HTML raw, so charts draw); previous/next links at the top and bottom; a failed cell
/// points to the troubleshooting page.
/// </summary>
internal static class LessonPage
{
    public static string Render(NotebookResult result, SiteNav nav, string file)
    {
        var page = new StringBuilder(SiteStyle.Head(result.Title));
        var linked = new HashSet<string>(StringComparer.Ordinal);
        page.Append("<body>\n").Append(nav.Render(file));
        if (result.Notebook is null)
        {
            page.Append($"<h1>{Html.Encode(result.Title)}</h1>\n<pre class=\"error\">");
            page.Append(Html.Encode(string.Join("\n", result.Problems))).Append("</pre>\n").Append(nav.Render(file)).Append("</body></html>\n");
            return page.ToString();
        }
        page.Append($"<p class=\"claims-line\">Claims: {IndexPage.Claims(result)}</p>\n");
        foreach (var cell in result.Notebook.Cells)
        {
            var run = result.Cells.FirstOrDefault(c => c.Index == cell.Index);
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    page.Append($"<section class=\"cell markdown\">{Glossary.Link(Markdown.ToHtml(cell.Source), linked)}</section>\n");
                    break;
                case CellKind.Code:
                    page.Append($"<section class=\"cell code-cell\" id=\"cell-{cell.Number}\">\n");
                    page.Append($"<div class=\"cell-head\">cell {cell.Number} &middot; {Status(run)}</div>\n");
                    page.Append($"<pre class=\"code\"><code>{Html.Encode(cell.Source)}</code></pre>\n");
                    foreach (var output in run?.Outputs ?? []) page.Append(Output(output)).Append('\n');
                    if (run is { Status: CellStatus.Failed, Failure: { } why } && !run.Outputs.OfType<ErrorOutput>().Any())
                        page.Append($"<pre class=\"error\">{Html.Encode(why)}</pre>\n");
                    if (run is { Status: CellStatus.Failed or CellStatus.TimedOut })
                        page.Append($"<p class=\"help\">A cell like this failing on your machine? See <a href=\"{SiteNav.TroubleshootingPage}\">troubleshooting</a>.</p>\n");
                    page.Append("</section>\n");
                    break;
            }
        }
        page.Append(nav.Render(file)).Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static string Status(CellResult? run) => run?.Status switch
    {
        CellStatus.Ok => $"<span class=\"status-ok\">ok</span> &middot; {run.Seconds:0.00} s",
        CellStatus.Failed or CellStatus.TimedOut => $"<span class=\"status-failed\">{(run.Status == CellStatus.TimedOut ? "timed out" : "failed")}</span> &middot; {run.Seconds:0.00} s",
        _ => $"<span class=\"status-notrun\">{Html.Encode(run?.Failure ?? "not run")}</span>",
    };

    private static string Output(CellOutput output) => output switch
    {
        StreamOutput s => $"<div class=\"output\"><pre class=\"stream {s.Name}\">{Html.Encode(s.Text)}</pre></div>",
        DataOutput d when d.Data.TryGetValue("text/html", out var html) => $"<div class=\"output\">{html}</div>",
        DataOutput d => $"<div class=\"output\"><pre class=\"stream\">{Html.Encode(d.Data.GetValueOrDefault("text/plain"))}</pre></div>",
        ErrorOutput e => $"<pre class=\"error\">{Html.Encode(e.Message)}</pre>",
        _ => "",
    };
}
