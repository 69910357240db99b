using System.Text.RegularExpressions;

namespace CourseRunner.Tests.CourseNotebooks;

/// <summary>
/// What every notebook of the course shows a learner, as DEVELOPERS.md lists it: an estimated time at the top; and in
/// every lesson (all but <c>00-start-here</c>) a "Coming from FastAPI" box, a summary and further reading.
/// </summary>
public sealed class LessonShapeTests
{
    public static TheoryData<string> Notebooks => SavedNotebook.All();

    static bool IsLesson(SavedNotebook nb) => !nb.Name.StartsWith("00-", StringComparison.Ordinal);

    static string Prose(SavedNotebook nb) => string.Join("\n", nb.Cells.Where(c => c.CellType == "markdown").Select(c => c.Source));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void StatesItsEstimatedTimeAtTheTop(string notebook)
    {
        var nb = SavedNotebook.Open(notebook);
        var first = nb.Cells.FirstOrDefault(c => c.CellType == "markdown")?.Source ?? "";
        Assert.True(Regex.IsMatch(first, @"(?i)estimated time\**:?\**\s*:?\s*\d+"),
            $"{notebook}: the first markdown cell should say 'Estimated time: N minutes'");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryLessonHasAFastApiBoxASummaryAndFurtherReading(string notebook)
    {
        var nb = SavedNotebook.Open(notebook);
        if (!IsLesson(nb)) return;
        var prose = Prose(nb);
        var missing = new List<string>();
        if (!prose.Contains("FastAPI", StringComparison.Ordinal)) missing.Add("a 'Coming from FastAPI' box");
        if (!Regex.IsMatch(prose, @"(?m)^#+\s*Summary")) missing.Add("a '## Summary' section");
        if (!Regex.IsMatch(prose, @"(?mi)^(#+\s*|\*\*)Further reading")) missing.Add("further reading ('## Further reading')");
        Assert.True(missing.Count == 0, $"{notebook} lacks: {string.Join(", ", missing)}");
    }
}
