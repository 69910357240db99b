using System.Text;

namespace CourseRunner.Site;

/// <summary>
/// The site's reading order, index → each lesson → glossary → troubleshooting, and the bar at the top and bottom of every
/// page: previous, all lessons, glossary, troubleshooting, next.
/// </summary>
internal sealed class SiteNav(IReadOnlyList<(string File, string Title)> pages)
{
    public const string Index = "index.html", GlossaryPage = "glossary.html", TroubleshootingPage = "troubleshooting.html";

    /// <summary>The order lessons are given in, between the index and the two reference pages.</summary>
    public static SiteNav For(IEnumerable<(string File, string Title)> lessons) =>
        new([(Index, "All lessons"), .. lessons, (GlossaryPage, "Glossary"), (TroubleshootingPage, "Troubleshooting")]);

    public IReadOnlyList<(string File, string Title)> Pages => pages;

    /// <summary>The bar for page <paramref name="file"/>.</summary>
    public string Render(string file)
    {
        var at = pages.Select((p, i) => (p, i)).First(x => x.p.File == file).i;
        var bar = new StringBuilder("<nav class=\"site-nav\">");
        bar.Append(at > 0 ? $"<a rel=\"prev\" href=\"{Href(pages[at - 1].File)}\">&larr; {Html.Encode(pages[at - 1].Title)}</a>" : "<span></span>");
        bar.Append("<span class=\"site-nav-middle\">");
        foreach (var (target, title) in new[] { (Index, "all lessons"), (GlossaryPage, "glossary"), (TroubleshootingPage, "troubleshooting") })
            bar.Append(target == file ? $"<b>{title}</b> " : $"<a href=\"{target}\">{title}</a> ");
        bar.Append("</span>");
        bar.Append(at < pages.Count - 1 ? $"<a rel=\"next\" href=\"{Href(pages[at + 1].File)}\">{Html.Encode(pages[at + 1].Title)} &rarr;</a>" : "<span></span>");
        return bar.Append("</nav>\n").ToString();
    }

    public static string Href(string file) => Html.Encode(Uri.EscapeDataString(file));
}
