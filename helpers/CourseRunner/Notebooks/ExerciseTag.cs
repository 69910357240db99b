using System.Text.Json;

namespace CourseRunner.Notebooks;

/// <summary>
/// Exercise cells carry the tag <c>exercise:&lt;id&gt;</c>, concept-question cells <c>question:&lt;id&gt;</c>; either's
/// solution lives in <c>solutions/&lt;stem&gt;/&lt;id&gt;.csx</c>.
/// </summary>
internal static class ExerciseTag
{
    private static readonly string[] Prefixes = ["exercise:", "question:"];

    /// <summary>The id in a cell's <c>metadata.tags</c> (as the Documents reader keeps them), or null.</summary>
    public static string? Find(IDictionary<string, object>? metadata) => FindTagged(metadata)?.Id;

    /// <summary>The kind ("exercise" or "question") and id of a tagged cell, or null.</summary>
    public static (string Kind, string Id)? FindTagged(IDictionary<string, object>? metadata)
    {
        foreach (var tag in Tags(metadata?.TryGetValue("tags", out var tags) == true ? tags : null))
            foreach (var prefix in Prefixes)
                if (tag.StartsWith(prefix, StringComparison.Ordinal)) return (prefix[..^1], tag[prefix.Length..]);
        return null;
    }

    public static string SolutionPath(string notebookDirectory, string notebookStem, string exerciseId) =>
        Path.Combine(notebookDirectory, "solutions", notebookStem, exerciseId + ".csx");

    /// <summary>
    /// The check call that ends an exercise or question cell: its last non-blank line up to and including <c>.Check(</c>
    /// (e.g. <c>await Lesson04.Q1.Check(</c>), or null. The check ends the cell itself, so a cell that does not compile
    /// shows its errors and no verdict on an older definition; a solution, which runs in place of the cell, ends with a
    /// call to the same check (its arguments may differ: a question's solution writes the answer).
    /// </summary>
    public static string? CheckCall(string source) =>
        source.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) is { } last && last.IndexOf(".Check(", StringComparison.Ordinal) is var at and >= 0
            ? last[..(at + ".Check(".Length)]
            : null;

    private static IEnumerable<string> Tags(object? tags) => tags switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!),
        IEnumerable<object> list => list.OfType<object>().Select(t => t is JsonElement j ? j.ToString() : t.ToString() ?? ""),
        _ => [],
    };
}
