using Microsoft.DotNet.Interactive.Documents;

namespace CourseRunner.Notebooks;

/// <summary>A parsed .ipynb: its cells, and the document as Polyglot Notebooks reads it (kept to write the executed copy).</summary>
internal sealed record Notebook(string Path, InteractiveDocument Document, IReadOnlyList<NotebookCell> Cells)
{
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The first Markdown heading, else the file name.</summary>
    public string Title =>
        Cells.Where(c => c.Kind == CellKind.Markdown)
            .SelectMany(c => c.Source.Split('\n'))
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
        ?? Stem;
}

internal enum CellKind { Markdown, Code }

/// <summary>
/// One cell; <see cref="Source"/> is what runs (a solution's text with --solutions). <see cref="ItemKind"/> is "exercise"
/// or "question" for a cell tagged <c>exercise:&lt;id&gt;</c> or <c>question:&lt;id&gt;</c>.
/// </summary>
internal sealed record NotebookCell(int Index, CellKind Kind, string Source, string? ExerciseId, string? ItemKind = null)
{
    /// <summary>1-based, as people count cells.</summary>
    public int Number => Index + 1;
}
