using CourseRunner.Execution;
using CourseRunner.Site;

namespace CourseRunner.Tests;

/// <summary>The offline site: index with status and timing, a page per lesson with prose, code and outputs.</summary>
public class SiteTests
{
    [Fact]
    public async Task The_site_has_an_index_and_a_page_per_lesson_with_outputs_and_local_plotly()
    {
        var ok = new TempNotebook(name: "01-basics").Markdown("# Backend basics\n\nA **server** answers.")
            .Code("Console.WriteLine(\"a < b\");\nHTML(\"<div id='chart'>chart</div>\")");
        var failing = new TempNotebook(name: "02-broken").Code("var y = 1");
        var results = new List<NotebookResult> { await Run.NotebookAsync(ok), await Run.NotebookAsync(failing) };
        var site = Path.Combine(ok.Folder, "site");

        var index = SiteWriter.Write(site, results);

        var indexHtml = File.ReadAllText(index);
        Assert.Contains("<a href=\"01-basics.html\">Backend basics</a>", indexHtml);
        Assert.Contains("<span class=\"status-ok\">ok</span>", indexHtml);
        Assert.Contains("failed: 1 cell(s)", indexHtml);
        Assert.Matches(@"<td>\d+\.\d s</td>", indexHtml);
        var page = File.ReadAllText(Path.Combine(site, "01-basics.html"));
        Assert.Contains("<script src=\"assets/plotly.min.js\"></script>", page);
        Assert.Contains("<strong>server</strong>", page);
        Assert.Contains("Console.WriteLine(&quot;a &lt; b&quot;);", page);
        Assert.Contains("<pre class=\"stream stdout\">a &lt; b\n</pre>", page);
        Assert.Contains("<div id='chart'>chart</div>", page);
        Assert.Contains("<pre class=\"error\">(1,10): error CS1002: ; expected</pre>", File.ReadAllText(Path.Combine(site, "02-broken.html")));
        Assert.True(new FileInfo(Path.Combine(site, "assets", "plotly.min.js")).Length > 100_000);
        Assert.DoesNotContain("http", page.Replace("http://127.0.0.1", ""));
    }
}
