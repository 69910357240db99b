using System.Text;
using CourseRunner.Execution;

namespace CourseRunner.Site;

/// <summary>
/// The site's front page: the course's introduction, then each lesson with its objectives, estimated time, exercises,
/// concept questions and checked claims, and how its run went (status, failed cells, wall time).
/// </summary>
internal static class IndexPage
{
    public const string Introduction =
        "An interactive course on how backends work, in C#. Each lesson is a notebook: its cells start small ASP.NET Core " +
        "servers on your own machine (127.0.0.1), send them real requests, measure what happens and draw it. You predict before " +
        "you run, answer short concept questions, and solve exercises that are checked automatically. This site is the course " +
        "as the course runner executed it, with every output the notebooks produced; to run it yourself, open the repository in " +
        "VS Code with Polyglot Notebooks and start with <code>00-start-here.ipynb</code>.";

    public static string Render(IReadOnlyList<(NotebookResult Result, string Page)> lessons, SiteNav nav)
    {
        var page = new StringBuilder(SiteStyle.Head("Backend Fundamentals, in C#"));
        page.Append("<body>\n").Append(nav.Render(SiteNav.Index));
        page.Append($"<h1>Backend Fundamentals, in C#</h1>\n<p class=\"intro\">{Introduction}</p>\n");
        var outlines = lessons.Select(l => LessonOutline.Of(l.Result)).ToList();
        page.Append($"<p>{lessons.Count} lesson(s), about {outlines.Sum(o => o.Minutes)} minutes in all; {outlines.Sum(o => o.Exercises.Count)} exercises, " +
                    $"{outlines.Sum(o => o.Questions.Count)} concept questions, {outlines.Sum(o => o.ClaimsHeld)} claims checked against this run's measurements. " +
                    $"Stuck? See <a href=\"{SiteNav.TroubleshootingPage}\">troubleshooting</a>; words: <a href=\"{SiteNav.GlossaryPage}\">glossary</a>.</p>\n");
        page.Append("<table class=\"lessons\">\n<thead><tr><th>lesson</th><th>you will</th><th>time</th><th>practice</th><th>status</th><th>code cells</th><th>wall time</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < lessons.Count; i++)
        {
            var (result, file) = lessons[i];
            var outline = outlines[i];
            var status = result.Problems.Count > 0 ? $"<span class=\"status-failed\">not run: {result.Problems.Count} problem(s)</span>"
                : result.FailedCells > 0 ? $"<span class=\"status-failed\">failed: {result.FailedCells} cell(s)</span>"
                : "<span class=\"status-ok\">ok</span>";
            var codeCells = result.Cells.Count(c => c.Status != CellStatus.NotCode);
            var objectives = outline.Objectives.Count == 0 ? "—"
                : "<ul>" + string.Concat(outline.Objectives.Select(o => $"<li>{Inline(o)}</li>")) + "</ul>";
            var time = outline.MinutesStated ? $"{outline.Minutes} min" : $"≈ {outline.Minutes} min<br><small>estimated from its length</small>";
            var practice = $"{Count(outline.Exercises.Count, "exercise")}<br>{Count(outline.Questions.Count, "question")}<br>claims: {Claims(result)}";
            page.Append($"<tr><td><a href=\"{SiteNav.Href(file)}\">{Html.Encode(result.Title)}</a><br><small>{Html.Encode(Path.GetFileName(result.Path))}</small></td>")
                .Append($"<td class=\"objectives\">{objectives}</td><td>{time}</td><td>{practice}</td>")
                .Append($"<td>{status}</td><td>{codeCells}</td><td>{result.WallTime.TotalSeconds:0.0} s</td></tr>\n");
        }
        page.Append("</tbody>\n</table>\n").Append(nav.Render(SiteNav.Index)).Append("</body>\n</html>\n");
        return page.ToString();
    }

    static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    /// <summary>An objective's Markdown (bold, code) as inline HTML.</summary>
    static string Inline(string markdown)
    {
        var html = Markdown.ToHtml(markdown).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    /// <summary>"3 held", or "2 held, <b>1 not held</b>" (a statement the prose relies on was false on this run).</summary>
    public static string Claims(NotebookResult result) =>
        result.ClaimsNotHeld == 0 ? $"<span class=\"claims\">{result.ClaimsHeld} held</span>"
            : $"<span class=\"claims\">{result.ClaimsHeld} held, <span class=\"status-failed\">{result.ClaimsNotHeld} not held</span></span>";
}
