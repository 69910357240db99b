using System.Text;
using CourseRunner.Execution;

namespace CourseRunner.Site;

/// <summary>The site's front page: each lesson with its status, failed-cell count, claims held / not held, wall time and link.</summary>
internal static class IndexPage
{
    public static string Render(IReadOnlyList<(NotebookResult Result, string Page)> lessons)
    {
        var page = new StringBuilder(SiteStyle.Head("Backend Fundamentals, in C# — executed lessons"));
        page.Append("<body>\n<h1>Backend Fundamentals, in C#</h1>\n<p>Every lesson, executed by the course runner.</p>\n");
        page.Append("<table>\n<thead><tr><th>lesson</th><th>status</th><th>code cells</th><th>claims</th><th>wall time</th></tr></thead>\n<tbody>\n");
        foreach (var (result, file) in lessons)
        {
            var status = result.Problems.Count > 0 ? $"<span class=\"status-failed\">not run: {result.Problems.Count} problem(s)</span>"
                : result.FailedCells > 0 ? $"<span class=\"status-failed\">failed: {result.FailedCells} cell(s)</span>"
                : "<span class=\"status-ok\">ok</span>";
            var codeCells = result.Cells.Count(c => c.Status != CellStatus.NotCode);
            page.Append($"<tr><td><a href=\"{Html.Encode(Uri.EscapeDataString(file))}\">{Html.Encode(result.Title)}</a><br><small>{Html.Encode(Path.GetFileName(result.Path))}</small></td>")
                .Append($"<td>{status}</td><td>{codeCells}</td><td>{Claims(result)}</td><td>{result.WallTime.TotalSeconds:0.0} s</td></tr>\n");
        }
        page.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>"3 held", or "2 held, <b>1 not held</b>" (a statement the prose relies on was false on this run).</summary>
    public static string Claims(NotebookResult result) =>
        result.ClaimsNotHeld == 0 ? $"<span class=\"claims\">{result.ClaimsHeld} held</span>"
            : $"<span class=\"claims\">{result.ClaimsHeld} held, <span class=\"status-failed\">{result.ClaimsNotHeld} not held</span></span>";
}
