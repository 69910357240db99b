using System.Text.Json.Nodes;

namespace CourseRunner.Notebooks;

/// <summary>Exercise cells carry the tag <c>exercise:&lt;id&gt;</c>; their solution lives in <c>solutions/&lt;stem&gt;/&lt;id&gt;.csx</c>.</summary>
internal static class ExerciseTag
{
    private const string Prefix = "exercise:";

    public static string? Find(JsonObject cell) =>
        (cell["metadata"]?["tags"] as JsonArray)?
            .Select(t => t?.ToString())
            .FirstOrDefault(t => t is not null && t.StartsWith(Prefix, StringComparison.Ordinal))?[Prefix.Length..];

    public static string SolutionPath(string notebookDirectory, string notebookStem, string exerciseId) =>
        Path.Combine(notebookDirectory, "solutions", notebookStem, exerciseId + ".csx");
}
