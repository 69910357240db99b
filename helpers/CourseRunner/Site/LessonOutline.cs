using System.Text.RegularExpressions;
using CourseRunner.Execution;
using CourseRunner.Notebooks;

namespace CourseRunner.Site;

/// <summary>
/// What the index says about one lesson, read from the notebook and its run: the objectives (the bullet list under
/// "You will…" in its first Markdown cell), the estimated time (an "Estimated time: N minutes" line, else estimated from its
/// length), its exercises and concept questions (tagged cells), and the claims its run checked.
/// </summary>
internal sealed partial record LessonOutline(IReadOnlyList<string> Objectives, int Minutes, bool MinutesStated,
    IReadOnlyList<string> Exercises, IReadOnlyList<string> Questions, int ClaimsHeld, int ClaimsNotHeld)
{
    public static LessonOutline Of(NotebookResult result)
    {
        var cells = result.Notebook?.Cells ?? [];
        var markdown = cells.Where(c => c.Kind == CellKind.Markdown).Select(c => c.Source).ToList();
        var stated = markdown.Select(m => StatedTime().Match(m)).FirstOrDefault(m => m.Success);
        var exercises = cells.Where(c => c.ExerciseId is not null && c.ItemKind != "question").Select(c => c.ExerciseId!).ToList();
        var questions = cells.Where(c => c.ItemKind == "question").Select(c => c.ExerciseId!).ToList();
        return new LessonOutline(
            ObjectivesIn(markdown.FirstOrDefault() ?? ""),
            stated is not null ? int.Parse(stated.Groups[1].Value) : Estimate(markdown, cells.Count(c => c.Kind == CellKind.Code), exercises.Count, questions.Count),
            stated is not null,
            exercises, questions,
            result.ClaimsHeld, result.ClaimsNotHeld);
    }

    /// <summary>Reading at 200 words a minute, a minute per code cell, 10 per exercise, 2 per question; rounded up to 5 minutes.</summary>
    internal static int Estimate(IEnumerable<string> markdown, int codeCells, int exercises, int questions)
    {
        var words = markdown.Sum(m => Words().Count(m));
        var minutes = words / 200.0 + codeCells + 10 * exercises + 2 * questions;
        return Math.Max(5, (int)Math.Ceiling(minutes / 5) * 5);
    }

    /// <summary>The bullets that follow a line containing "you will" or "by the end" (case-insensitive), until the list ends.</summary>
    internal static IReadOnlyList<string> ObjectivesIn(string markdown)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains("you will", StringComparison.OrdinalIgnoreCase) || l.Contains("by the end", StringComparison.OrdinalIgnoreCase));
        if (start < 0) return [];
        var items = new List<string>();
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal)) items.Add(line.TrimStart()[2..].Trim());
            else if (line.StartsWith("  ", StringComparison.Ordinal) && items.Count > 0) items[^1] += " " + line.Trim();
            else if (line.Trim().Length == 0 && items.Count == 0) continue;
            else break;
        }
        return items;
    }

    [GeneratedRegex(@"Estimated time\W*(\d+)[^\n]*?min", RegexOptions.IgnoreCase)]
    private static partial Regex StatedTime();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();

}
