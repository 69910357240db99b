using System.Text.Json.Nodes;

namespace CourseRunner.Tests;

/// <summary>A notebook written to a fresh temp folder by a test: cells as the learner would type them.</summary>
internal sealed class TempNotebook
{
    public static readonly JsonObject CSharpMetadata = new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
    };

    public TempNotebook(string? folder = null, string name = "lesson")
    {
        Folder = folder ?? Directory.CreateTempSubdirectory("course-runner-test-").FullName;
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, name + ".ipynb");
    }

    public string Folder { get; }

    public string Path { get; }

    public JsonArray Cells { get; } = [];

    public JsonObject Metadata { get; set; } = (JsonObject)CSharpMetadata.DeepClone();

    public TempNotebook Markdown(string text)
    {
        Cells.Add(new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = text });
        return this;
    }

    public TempNotebook Cell(string code, string kernel = "csharp", string? tag = null)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = kernel },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
        };
        if (tag is not null) metadata["tags"] = new JsonArray(tag);
        Cells.Add(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            // nbformat's list-of-lines form, as editors save it
            ["source"] = new JsonArray([.. SplitLines(code).Select(l => (JsonNode)l)]),
        });
        return this;
    }

    public TempNotebook Code(params string[] cells)
    {
        foreach (var cell in cells) Cell(cell);
        return this;
    }

    public string Save()
    {
        var root = new JsonObject
        {
            ["cells"] = Cells.DeepClone(),
            ["metadata"] = Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        File.WriteAllText(Path, root.ToJsonString());
        return Path;
    }

    /// <summary>Writes a file next to the notebook (a .csx to #load, a solution, data).</summary>
    public string File_(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    private static IEnumerable<string> SplitLines(string code)
    {
        var start = 0;
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] != '\n') continue;
            yield return code[start..(i + 1)];
            start = i + 1;
        }
        if (start < code.Length) yield return code[start..];
    }
}
