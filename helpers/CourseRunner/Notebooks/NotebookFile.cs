using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Jupyter = Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace CourseRunner.Notebooks;

/// <summary>
/// Reads an .ipynb with the kernel's own reader (<c>Microsoft.DotNet.Interactive.Documents</c>, as Polyglot
/// Notebooks reads it: a cell's kernel from <c>polyglot_notebook.kernelName</c>, then <c>dotnet_interactive.language</c>,
/// then the notebook's default; cell metadata such as the <c>exercise:&lt;id&gt;</c> tag kept), and applies
/// <see cref="CourseRules"/>. Any problem means the notebook is reported (file, cell, line) and not run.
/// </summary>
internal static class NotebookFile
{
    /// <summary>The kernels the reader knows: C# (the course's) and the ones Polyglot has, so a foreign cell is named, then refused.</summary>
    public static KernelInfoCollection Kernels() =>
    [
        new KernelInfo("csharp", "C#", ["c#", "C#"]),
        new KernelInfo("fsharp", "F#", ["f#", "F#"]),
        new KernelInfo("pwsh", "PowerShell", ["powershell"]),
        new KernelInfo("javascript", "JavaScript", ["js"]),
        new KernelInfo("html", "HTML"),
        new KernelInfo("sql", "SQL"),
        new KernelInfo("kql", "KQL"),
        new KernelInfo("mermaid", "Mermaid"),
        new KernelInfo("http", "HTTP"),
        new KernelInfo("value", "Value"),
    ];

    /// <summary>Loads <paramref name="path"/>; with <paramref name="solutions"/>, exercise cells get their solution's text.</summary>
    public static (Notebook? Notebook, IReadOnlyList<NotebookProblem> Problems) Load(string path, bool solutions)
    {
        var file = Path.GetFileName(path);
        InteractiveDocument document;
        try
        {
            var text = File.ReadAllText(path);
            using (var json = JsonDocument.Parse(text))
            {
                var fileProblems = CourseRules.FileProblems(json.RootElement).Select(m => new NotebookProblem(file, null, null, m)).ToList();
                if (fileProblems.Count > 0) return (null, fileProblems);
            }
            document = Jupyter.Notebook.Parse(text, Kernels());
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return (null, [new(file, null, null, $"not a readable notebook: {e.Message}")]);
        }

        var problems = new List<NotebookProblem>();
        var notebookDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var stem = Path.GetFileNameWithoutExtension(path);
        var cells = new List<NotebookCell>();
        foreach (var (element, i) in document.Elements.Select((e, i) => (e, i)))
        {
            if (element.KernelName == "markdown")
            {
                cells.Add(new NotebookCell(i, CellKind.Markdown, element.Contents, null));
                continue;
            }
            var source = element.Contents;
            problems.AddRange(CourseRules.CellProblems(element.KernelName ?? "(none)", source).Select(v => new NotebookProblem(file, i + 1, v.Line, v.Message)));
            var tagged = ExerciseTag.FindTagged(element.Metadata);
            var exerciseId = tagged?.Id;
            if (exerciseId is not null && solutions)
            {
                var solution = ExerciseTag.SolutionPath(notebookDir, stem, exerciseId);
                if (File.Exists(solution))
                {
                    var check = ExerciseTag.CheckCall(source);
                    source = File.ReadAllText(solution);
                    if (check is not null && ExerciseTag.CheckCall(source) != check)
                        problems.Add(new(file, i + 1, null, $"solution {solution} must end with a call to its cell's check, `{check}…)`"));
                    problems.AddRange(CourseRules.SourceProblems(source)
                        .Select(v => new NotebookProblem(file, i + 1, v.Line, $"solution {solution}: {v.Message}")));
                }
                else
                    problems.Add(new(file, i + 1, null, $"exercise '{exerciseId}' has no solution file {solution}"));
            }
            cells.Add(new NotebookCell(i, CellKind.Code, source, exerciseId, tagged?.Kind));
        }
        return problems.Count > 0 ? (null, problems) : (new Notebook(path, document, cells), problems);
    }
}
