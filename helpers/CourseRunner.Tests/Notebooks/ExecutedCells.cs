using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CourseRunner.Tests.CourseNotebooks;

/// <summary>What the outputs of an executed notebook say: failed cells, check outcomes, setup lines.</summary>
static partial class ExecutedCells
{
    [GeneratedRegex("""data-backendlab-check=["'](?<outcome>[a-z-]+)["']""")]
    private static partial Regex CheckMarker();

    [GeneratedRegex("""data-backendlab-setup=["'](?<outcome>[a-z-]+)["']""")]
    private static partial Regex SetupMarker();

    /// <summary>The error text of a cell that failed (an <c>error</c> output), or null.</summary>
    public static string? Error(NotebookCell cell)
    {
        var errors = cell.Outputs.OfType<JsonObject>().Where(o => (string?)o["output_type"] == "error").ToList();
        if (errors.Count == 0) return null;
        return string.Join("\n", errors.Select(e =>
        {
            var traceback = e["traceback"] is JsonArray lines ? string.Join("\n", lines.Select(l => (string?)l)) : "";
            var text = $"{e["ename"]}: {e["evalue"]}";
            return traceback.Length > 0 && !text.Contains(traceback, StringComparison.Ordinal) ? $"{text}\n{traceback}" : text;
        }));
    }

    /// <summary>The outcomes of every check shown in the cell (<c>correct</c>, <c>incorrect</c>, <c>not-attempted</c>).</summary>
    public static IReadOnlyList<string> Checks(NotebookCell cell) => Markers(cell, CheckMarker());

    /// <summary>The outcomes of every setup line shown in the cell (<c>ok</c> or <c>failed</c>).</summary>
    public static IReadOnlyList<string> SetupLines(NotebookCell cell) => Markers(cell, SetupMarker());

    static List<string> Markers(NotebookCell cell, Regex marker) =>
        cell.Outputs.SelectMany(Texts).SelectMany(t => marker.Matches(t)).Select(m => m.Groups["outcome"].Value).ToList();

    /// <summary>Every string inside an output (its text/html, text/plain and stream text, in whatever shape they were saved).</summary>
    static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Texts(p.Value)),
        JsonArray a when a.All(x => x is JsonValue v && v.TryGetValue<string>(out _)) => [string.Concat(a.Select(x => (string?)x))],
        JsonArray a => a.SelectMany(Texts),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
