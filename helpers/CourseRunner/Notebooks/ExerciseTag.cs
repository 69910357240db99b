using System.Text.Json;

namespace CourseRunner.Notebooks;

/// <summary>Exercise cells carry the tag <c>exercise:&lt;id&gt;</c>; their solution lives in <c>solutions/&lt;stem&gt;/&lt;id&gt;.csx</c>.</summary>
internal static class ExerciseTag
{
    private const string Prefix = "exercise:";

    /// <summary>The id in a cell's <c>metadata.tags</c> (as the Documents reader keeps them), or null.</summary>
    public static string? Find(IDictionary<string, object>? metadata) =>
        Tags(metadata?.TryGetValue("tags", out var tags) == true ? tags : null)
            .FirstOrDefault(t => t.StartsWith(Prefix, StringComparison.Ordinal))?[Prefix.Length..];

    public static string SolutionPath(string notebookDirectory, string notebookStem, string exerciseId) =>
        Path.Combine(notebookDirectory, "solutions", notebookStem, exerciseId + ".csx");

    private static IEnumerable<string> Tags(object? tags) => tags switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!),
        IEnumerable<object> list => list.OfType<object>().Select(t => t is JsonElement j ? j.ToString() : t.ToString() ?? ""),
        _ => [],
    };
}
