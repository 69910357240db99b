using CourseRunner.Execution;
using Microsoft.DotNet.Interactive.Documents;
using Jupyter = Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace CourseRunner.Notebooks;

/// <summary>
/// Writes a run back as .ipynb with the kernel's own writer (<c>Microsoft.DotNet.Interactive.Documents</c>), the
/// way Polyglot Notebooks saves one: console text as <c>stream</c>, display(...) as <c>display_data</c>, the cell's
/// value as <c>execute_result</c>, failures as <c>error</c> with ename "Error"; the execution order of every cell that ran.
/// </summary>
internal static class ExecutedNotebook
{
    public static void Write(NotebookResult result, string path)
    {
        var notebook = result.Notebook ?? throw new InvalidOperationException("a rejected notebook has no executed copy");
        var document = notebook.Document;
        foreach (var cell in result.Cells.Where(c => c.Status != CellStatus.NotCode))
        {
            var element = document.Elements[cell.Index];
            element.Contents = notebook.Cells[cell.Index].Source; // the code that ran (a solution with --solutions)
            element.ExecutionOrder = cell.ExecutionCount ?? 0;
            element.Outputs.Clear();
            element.Outputs.AddRange(cell.Outputs.Select(o => ToElement(o, cell.ExecutionCount ?? 0)));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        Jupyter.Notebook.Write(document, stream, NotebookFile.Kernels());
    }

    public static InteractiveDocumentOutputElement ToElement(CellOutput output, int executionCount) => output switch
    {
        StreamOutput s => new TextElement(s.Text, s.Name),
        DataOutput { IsResult: true } d => Result(d, executionCount),
        DataOutput d => new DisplayElement(Data(d)),
        ErrorOutput e => new ErrorElement(e.Message, "Error", [e.Message]), // (errorValue, errorName, stackTrace)
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    private static ReturnValueElement Result(DataOutput output, int executionCount)
    {
        var element = new ReturnValueElement { ExecutionOrder = executionCount };
        foreach (var (mime, value) in output.Data) element.Data[mime] = value;
        return element;
    }

    private static Dictionary<string, object> Data(DataOutput output) =>
        output.Data.ToDictionary(kv => kv.Key, kv => (object)kv.Value);
}
