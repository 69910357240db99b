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

    private static IEnumerable<string> Tags(object? tags) => tags switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!),
        IEnumerable<object> list => list.OfType<object>().Select(t => t is JsonElement j ? j.ToString() : t.ToString() ?? ""),
        _ => [],
    };
}
