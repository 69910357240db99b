using System.Text.Json.Nodes;
using CourseRunner.Notebooks;

namespace CourseRunner.Tests;

/// <summary>The executed .ipynb has the shape Polyglot Notebooks saves.</summary>
public class ExecutedNotebookTests
{
    [Fact]
    public async Task Outputs_are_written_as_stream_display_data_execute_result_and_error()
    {
        var notebook = new TempNotebook().Markdown("# Title").Code(
            "Console.WriteLine(\"one\");\nConsole.WriteLine(\"two\");\ndisplay(\"shown\");\n1 + 1",
            "throw new Exception(\"boom\");");
        var run = await Run.NotebookAsync(notebook);
        var path = Path.Combine(notebook.Folder, "out", "executed.ipynb");

        ExecutedNotebook.Write(run, path);

        var root = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(".net-csharp", root["metadata"]!["kernelspec"]!["name"]!.ToString());
        var cells = root["cells"]!.AsArray();
        Assert.Null(cells[0]!["execution_count"]);
        var first = cells[1]!;
        Assert.Equal(1, (int)first["execution_count"]!);
        var outputs = first["outputs"]!.AsArray();
        Assert.Equal("""{"name":"stdout","output_type":"stream","text":["one\n","two\n"]}""", outputs[0]!.ToJsonString());
        Assert.Equal("""{"data":{"text/plain":["shown"]},"metadata":{},"output_type":"display_data"}""", outputs[1]!.ToJsonString());
        Assert.Equal("""{"data":{"text/html":["<div class=\"dni-plaintext\"><pre>2</pre></div>"]},"execution_count":1,"metadata":{},"output_type":"execute_result"}""",
            outputs[2]!.ToJsonString().Replace("\\u003C", "<").Replace("\\u003E", ">").Replace("\\u0022", "\\\""));
        var error = cells[2]!["outputs"]!.AsArray().Single()!;
        Assert.Equal("Error", error["ename"]!.ToString());
        Assert.Equal("error", error["output_type"]!.ToString());
        Assert.StartsWith("System.Exception: boom", error["evalue"]!.ToString());
        Assert.Equal(2, (int)cells[2]!["execution_count"]!);
    }
}
