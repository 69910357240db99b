using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BackendLab.Tests.Docs;

/// <summary>The notebooks' C# as the tests read it: every code cell, with each exercise's solution file beside it.</summary>
static partial class CourseNotebooks
{
    public static string Root { get; } = FindRoot();

    /// <summary>Notebook file name → the text of its code cells and solution files.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Code { get; } = Directory
        .GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Order()
        .ToDictionary(f => Path.GetFileName(f), f => (IReadOnlyList<string>)[.. Cells(f), .. Solutions(f)]);

    /// <summary>The public top-level types of BackendLab.dll.</summary>
    public static IReadOnlyList<Type> LibraryTypes { get; } =
        [.. typeof(Servers).Assembly.GetExportedTypes().Where(t => !t.IsNested)];

    /// <summary>The namespaces a notebook imports with <c>using X;</c>.</summary>
    public static IEnumerable<string> Usings(IEnumerable<string> code) =>
        code.SelectMany(c => UsingDirective().Matches(c)).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>The names of the types a notebook declares in its cells.</summary>
    public static IEnumerable<string> DeclaredTypes(IEnumerable<string> code) =>
        code.SelectMany(c => TypeDeclaration().Matches(Uncommented(c))).Select(m => m.Groups[1].Value).Distinct();

    static string Uncommented(string code) => LineComment().Replace(code, "");

    static IEnumerable<string> Cells(string notebook) =>
        JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => string.Concat(c!["source"]!.AsArray().Select(l => (string?)l)));

    static IEnumerable<string> Solutions(string notebook)
    {
        var folder = Path.Combine(Root, "notebooks", "solutions", Path.GetFileNameWithoutExtension(notebook));
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csx").Order().Select(File.ReadAllText) : [];
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "notebooks")) && Directory.Exists(Path.Combine(dir.FullName, "helpers")))
                return dir.FullName;
        throw new DirectoryNotFoundException("No folder above the test assembly holds notebooks/ and helpers/.");
    }

    [GeneratedRegex(@"^\s*using\s+([A-Za-z_][\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b(?:record(?:\s+struct|\s+class)?|class|struct|enum|interface)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();
}
