using System.Text.Json;
using System.Text.Json.Nodes;
using CourseRunner.Execution;

namespace CourseRunner.Notebooks;

/// <summary>
/// Writes a run back as .ipynb the way Polyglot Notebooks saves one: console text as <c>stream</c>,
/// display(...) as <c>display_data</c>, the cell's value as <c>execute_result</c>, failures as
/// <c>error</c> with ename "Error"; <c>execution_count</c> for every cell that ran.
/// </summary>
internal static class ExecutedNotebook
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(NotebookResult result, string path)
    {
        var notebook = result.Notebook ?? throw new InvalidOperationException("a rejected notebook has no executed copy");
        var root = (JsonObject)notebook.Json.DeepClone();
        var cells = (JsonArray)root["cells"]!;
        foreach (var cell in result.Cells.Where(c => c.Status != CellStatus.NotCode))
        {
            var json = (JsonObject)cells[cell.Index]!;
            json["source"] = Lines(notebook.Cells[cell.Index].Source); // the code that ran (a solution with --solutions)
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray([.. cell.Outputs.Select(o => ToJson(o, cell.ExecutionCount))]);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, root.ToJsonString(Indented) + "\n");
    }

    public static JsonObject ToJson(CellOutput output, int? executionCount) => output switch
    {
        StreamOutput s => new JsonObject
        {
            ["name"] = s.Name,
            ["output_type"] = "stream",
            ["text"] = Lines(s.Text),
        },
        DataOutput { IsResult: true } d => new JsonObject
        {
            ["data"] = Data(d),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        DataOutput d => new JsonObject
        {
            ["data"] = Data(d),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = "Error",
            ["evalue"] = e.Message,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Message),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    private static JsonObject Data(DataOutput output) =>
        new([.. output.Data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Lines(kv.Value)))]);

    /// <summary>nbformat's multi-line string: a list of lines, each but the last ending in "\n".</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
