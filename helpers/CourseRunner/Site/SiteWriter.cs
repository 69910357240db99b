using CourseRunner.Execution;

namespace CourseRunner.Site;

/// <summary>
/// Writes the offline site: <c>index.html</c>, one page per lesson, and <c>assets/plotly.min.js</c>
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

        var lessons = new List<(NotebookResult, string)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "index" };
        foreach (var result in results)
        {
            var page = UniqueName(Path.GetFileNameWithoutExtension(result.Path), names) + ".html";
            File.WriteAllText(Path.Combine(outDirectory, page), LessonPage.Render(result));
            lessons.Add((result, page));
        }
        var index = Path.Combine(outDirectory, "index.html");
        File.WriteAllText(index, IndexPage.Render(lessons));
        return index;
    }

    internal static string UniqueName(string stem, HashSet<string> taken)
    {
        var name = stem;
        for (var n = 2; !taken.Add(name); n++) name = $"{stem}-{n}";
        return name;
    }
}
