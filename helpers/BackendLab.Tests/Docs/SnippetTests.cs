using System.Net;
using System.Text.RegularExpressions;

namespace BackendLab.Tests.Docs;

/// <summary>Every <c>&lt;code&gt;</c> example in BackendLab's XML docs compiles: its lines stand in <see cref="Snippets"/>.</summary>
public partial class SnippetTests
{
    static string Normalize(string line)
    {
        var l = Regex.Replace(line.Trim(), @"\s+", " ");
        if (l.StartsWith("_ = ", StringComparison.Ordinal)) l = l[4..];
        l = Regex.Replace(l, @";(\s*//.*)?$", "$1");
        return Regex.Replace(l, @"\s*//.*$", "").Trim();
    }

    /// <summary>Each <c>&lt;code&gt;</c> block of the library's doc comments: the file it is in and its lines.</summary>
    static IEnumerable<(string File, string[] Lines)> CodeBlocks()
    {
        var library = Path.Combine(CourseNotebooks.Root, "helpers", "BackendLab");
        foreach (var file in Directory.GetFiles(library, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/")).Order())
        {
            var doc = string.Join('\n', File.ReadLines(file).Select(l => l.TrimStart() is var t && t.StartsWith("///") ? t[3..] : "\0"));
            foreach (Match m in CodeBlock().Matches(doc))
                yield return (Path.GetRelativePath(library, file), WebUtility.HtmlDecode(m.Groups[1].Value).Split('\n').Select(Normalize).Where(l => l.Length > 0).ToArray());
        }
    }

    [Fact]
    public void EveryDocExampleIsCompiledInSnippets()
    {
        var snippets = File.ReadAllLines(Path.Combine(CourseNotebooks.Root, "helpers", "BackendLab.Tests", "Docs", "Snippets.cs")).Select(Normalize).ToList();
        var blocks = CodeBlocks().ToList();
        Assert.True(blocks.Count >= 20, $"only {blocks.Count} <code> blocks found");
        var missing = new List<string>();
        foreach (var (file, lines) in blocks)
        {
            var at = 0;
            foreach (var line in lines)
            {
                var found = snippets.IndexOf(line, at);
                if (found < 0) { missing.Add($"{file}: {line}"); break; }
                at = found + 1;
            }
        }
        Assert.True(missing.Count == 0, "Doc examples not compiled in Docs/Snippets.cs:\n" + string.Join('\n', missing));
    }

    [GeneratedRegex(@"<code>(.*?)</code>", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
