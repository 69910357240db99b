using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseRunner.Notebooks;

/// <summary>
/// Reads an .ipynb the way Polyglot Notebooks would accept it, and refuses what the course forbids.
/// Any problem means the notebook is reported (file and cell) and not run.
/// </summary>
internal static class NotebookFile
{
    /// <summary>Loads <paramref name="path"/>; with <paramref name="solutions"/>, exercise cells get their solution's text.</summary>
    public static (Notebook? Notebook, IReadOnlyList<NotebookProblem> Problems) Load(string path, bool solutions)
    {
        var file = System.IO.Path.GetFileName(path);
        var problems = new List<NotebookProblem>();
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                   ?? throw new JsonException("the top level is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, [new(file, null, $"not a readable notebook: {e.Message}")]);
        }

        if (root["nbformat"]?.GetValueKind() != JsonValueKind.Number || (int)root["nbformat"]! != 4)
            problems.Add(new(file, null, "nbformat must be 4"));
        var kernelspec = root["metadata"]?["kernelspec"]?["name"]?.ToString();
        if (kernelspec is null || !kernelspec.StartsWith(".net-", StringComparison.Ordinal))
            problems.Add(new(file, null, $"kernelspec.name is '{kernelspec ?? "(missing)"}'; Polyglot Notebooks needs a .NET kernelspec such as '.net-csharp'"));
        if (root["cells"] is not JsonArray cellsJson)
            return (null, [.. problems, new(file, null, "no \"cells\" array")]);

        var defaultKernel = root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.ToString() ?? "csharp";
        var notebookDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var cells = new List<NotebookCell>();
        for (var i = 0; i < cellsJson.Count; i++)
        {
            if (cellsJson[i] is not JsonObject cell)
            {
                problems.Add(new(file, i + 1, "a cell is not a JSON object"));
                continue;
            }
            var kind = cell["cell_type"]?.ToString() switch
            {
                "markdown" => CellKind.Markdown,
                "code" => CellKind.Code,
                "raw" => CellKind.Raw,
                var other => (CellKind?)null,
            };
            if (kind is null)
            {
                problems.Add(new(file, i + 1, $"unknown cell_type '{cell["cell_type"]}'"));
                continue;
            }
            var source = ReadSource(cell["source"]);
            string? exerciseId = null;
            if (kind == CellKind.Code)
            {
                var kernel = cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.ToString()
                             ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.ToString()
                             ?? defaultKernel;
                if (kernel != "csharp")
                    problems.Add(new(file, i + 1, $"cell kernel is '{kernel}'; the course runs C# cells only (kernelName \"csharp\")"));
                problems.AddRange(Directives.FindForbidden(source).Select(m => new NotebookProblem(file, i + 1, m)));
                exerciseId = ExerciseTag.Find(cell);
                if (exerciseId is not null && solutions)
                {
                    var solution = ExerciseTag.SolutionPath(notebookDir, stem, exerciseId);
                    if (File.Exists(solution))
                    {
                        source = File.ReadAllText(solution);
                        problems.AddRange(Directives.FindForbidden(source).Select(m => new NotebookProblem(file, i + 1, $"solution {solution}: {m}")));
                    }
                    else
                        problems.Add(new(file, i + 1, $"exercise '{exerciseId}' has no solution file {solution}"));
                }
            }
            cells.Add(new NotebookCell(i, kind.Value, source, exerciseId));
        }
        return problems.Count > 0 ? (null, problems) : (new Notebook(path, root, cells), problems);
    }

    /// <summary>nbformat allows a string or a list of lines.</summary>
    private static string ReadSource(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.ToString())),
        JsonValue v => v.ToString(),
        _ => "",
    };
}
