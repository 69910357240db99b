using CourseRunner.Execution;

namespace CourseRunner.Site;

/// <summary>
/// Writes the offline site: <c>index.html</c> (the course: introduction, each lesson's objectives, time, exercises, questions,
/// claims), one page per lesson, <c>glossary.html</c>, <c>troubleshooting.html</c>, and <c>assets/plotly.min.js</c>
/// (fetched from npm at build time and shipped next to the runner), so pages work from file://.
/// </summary>
internal static class SiteWriter
{
    public static string PlotlyAsset => Path.Combine(AppContext.BaseDirectory, "assets", "plotly.min.js");

    /// <summary>Writes the site for <paramref name="results"/> under <paramref name="outDirectory"/>; returns index.html's path.</summary>
    public static string Write(string outDirectory, IReadOnlyList<NotebookResult> results)
    {
        var assets = Path.Combine(outDirectory, "assets");
        Directory.CreateDirectory(assets);
        if (!File.Exists(PlotlyAsset))
            throw new FileNotFoundException($"plotly.js is missing next to the runner ({PlotlyAsset}); rebuild CourseRunner (its build fetches it with npm).");
        File.Copy(PlotlyAsset, Path.Combine(assets, "plotly.min.js"), overwrite: true);

        var lessons = new List<(NotebookResult Result, string Page)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "index", "glossary", "troubleshooting" };
        foreach (var result in results)
            lessons.Add((result, UniqueName(Path.GetFileNameWithoutExtension(result.Path), names) + ".html"));
        var nav = SiteNav.For(lessons.Select(l => (l.Page, l.Result.Title)));
        foreach (var (result, page) in lessons)
            File.WriteAllText(Path.Combine(outDirectory, page), LessonPage.Render(result, nav, page));
        File.WriteAllText(Path.Combine(outDirectory, SiteNav.GlossaryPage), Glossary.Render(nav));
        File.WriteAllText(Path.Combine(outDirectory, SiteNav.TroubleshootingPage), TroubleshootingPage.Render(nav));
        var index = Path.Combine(outDirectory, SiteNav.Index);
        File.WriteAllText(index, IndexPage.Render(lessons, nav));
        return index;
    }

    internal static string UniqueName(string stem, HashSet<string> taken)
    {
        var name = stem;
        for (var n = 2; !taken.Add(name); n++) name = $"{stem}-{n}";
        return name;
    }
}
