using System.Text.Json.Nodes;

namespace CourseRunner.Tests.CourseNotebooks;

/// <summary>One cell of a notebook as saved on disk.</summary>
sealed record NotebookCell(int Index, string CellType, string Source, JsonObject Json)
{
    public bool IsCode => CellType == "code";

    /// <summary>The id in the cell's <c>exercise:&lt;id&gt;</c> (or concept question's <c>question:&lt;id&gt;</c>) tag, or null.</summary>
    public string? ExerciseId =>
        (Json["metadata"]?["tags"] as JsonArray)?
            .Select(t => t?.GetValue<string>())
            .FirstOrDefault(t => t is not null && (t.StartsWith("exercise:", StringComparison.Ordinal) || t.StartsWith("question:", StringComparison.Ordinal)))?
            .Split(':', 2)[1];

    /// <summary>The first line of code, to name the cell in a failure message.</summary>
    public string FirstLine =>
        Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)) ?? "";

    public JsonArray Outputs => Json["outputs"] as JsonArray ?? [];
}

/// <summary>A notebook file read as JSON (nbformat 4, as Polyglot Notebooks saves it).</summary>
sealed class SavedNotebook
{
    public SavedNotebook(string path)
    {
        Path = path;
        Json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Cells = (Json["cells"] as JsonArray ?? [])
            .Select((c, i) => new NotebookCell(i, (string?)c!["cell_type"] ?? "", SourceOf(c!), c!.AsObject()))
            .ToList();
    }

    public string Path { get; }

    public JsonObject Json { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The file name without <c>.ipynb</c>, which also names its solutions folder.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    public IEnumerable<NotebookCell> ExerciseCells => Cells.Where(c => c.ExerciseId is not null);

    static string SourceOf(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue v => (string?)v ?? "",
        _ => "",
    };

    /// <summary>
    /// Writes a copy whose cells are this notebook's cells followed by the same cells again, next to the
    /// original (so relative <c>#r</c> paths still hold): running it is "Run All" twice in one session.
    /// </summary>
    public string WriteRunAllTwiceCopy()
    {
        var copy = Json.DeepClone().AsObject();
        var cells = (JsonArray)copy["cells"]!;
        foreach (var cell in Cells) cells.Add(cell.Json.DeepClone());
        var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, $"{Name}.run-all-twice.ipynb");
        File.WriteAllText(path, copy.ToJsonString(new() { WriteIndented = true }));
        return path;
    }

    /// <summary>Every notebook of the course, by file name (the theory data of the notebook suite).</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
            if (!path.EndsWith(".run-all-twice.ipynb", StringComparison.Ordinal))
                data.Add(System.IO.Path.GetFileName(path));
        return data;
    }

    public static SavedNotebook Open(string fileName) => new(System.IO.Path.Combine(Repository.NotebooksFolder, fileName));
}
