using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06bFastApi;

/// <summary>
/// The FastAPI twin's code next to the lab server's C# for the same endpoints, read from the repository's files
/// (<c>helpers/fastapi-twin/app.py</c>; the <c>MapGet</c> calls of <c>helpers/LabServer</c>), so what is shown is what runs.
/// <code>FastApiTwin.SideBySide()</code>
/// </summary>
public static partial class FastApiTwin
{
    /// <summary>The routes lesson 6b measures, in the order it shows them.</summary>
    public static readonly IReadOnlyList<string> Routes = ["/delay", "/cpu", "/json"];

    /// <summary>The Python app, from its first import on (the header comment says how to run it).</summary>
    public static string PythonSource()
    {
        var lines = File.ReadAllLines(FastApiTwinFiles.AppScript());
        return string.Join("\n", lines.SkipWhile(l => l.StartsWith('#') || l.Trim().Length == 0)).TrimEnd();
    }

    /// <summary>The C# twin: for each of <see cref="Routes"/>, its comment and its <c>MapGet</c> statement from the lab server's source.</summary>
    public static string CSharpSource()
    {
        var files = Directory.GetFiles(Path.Combine(FastApiTwinFiles.Helpers(), "LabServer"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllLines).ToList();
        var parts = Routes.Select(route => files.Select(lines => Statement(lines, route)).FirstOrDefault(s => s is not null)
            ?? $"// {route}: not found in helpers/LabServer");
        return string.Join("\n\n", parts);
    }

    // The MapGet("/route" line, the comment lines just above it, and the lines after it up to the one ending ");".
    static string? Statement(string[] lines, string route)
    {
        var at = Array.FindIndex(lines, l => l.Contains($"MapGet(\"{route}\"", StringComparison.Ordinal));
        if (at < 0) return null;
        var first = at;
        while (first > 0 && lines[first - 1].TrimStart().StartsWith("//", StringComparison.Ordinal)) first--;
        var last = at;
        while (last < lines.Length - 1 && !lines[last].TrimEnd().EndsWith(");", StringComparison.Ordinal)) last++;
        var block = lines[first..(last + 1)];
        var indent = block.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", block.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    /// <summary>Two columns: <c>app.py</c> on the left, the C# endpoints on the right, lightly coloured.</summary>
    public static IHtmlContent SideBySide()
    {
        string Column(string title, string codeHtml) =>
            $"<div style=\"flex:1 1 420px;min-width:0\"><div style=\"font-weight:600;margin:4px 0\">{Html.Encode(title)}</div>" +
            $"<pre style=\"{Html.Mono};margin:0;padding:8px;background:rgba(128,128,128,.08);border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere\">{codeHtml}</pre></div>";
        return new HtmlString(
            $"<div style=\"{Html.Font};display:flex;gap:12px;flex-wrap:wrap\">" +
            Column("Python: helpers/fastapi-twin/app.py (FastAPI on uvicorn)", PythonHtml(PythonSource())) +
            Column("C#: helpers/LabServer, the same endpoints (minimal APIs on Kestrel)", CodeHighlight.ToHtml(CSharpSource())) +
            "</div>");
    }

    static string PythonHtml(string code)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in PythonTokens().Matches(code))
        {
            html.Append(Html.Encode(code[at..m.Index]));
            var colour = m.Groups["comment"].Success ? "#6a9955" : m.Groups["string"].Success ? "#ce9178" : m.Groups["decorator"].Success ? "#c586c0" : "#569cd6";
            html.Append($"<span style=\"color:{colour}\">{Html.Encode(m.Value)}</span>");
            at = m.Index + m.Length;
        }
        return html.Append(Html.Encode(code[at..])).ToString();
    }

    [GeneratedRegex("""(?<comment>#[^\n]*)|(?<string>f?"(?:[^"\\\n]|\\.)*")|(?<decorator>@[\w.]+)|\b(?<keyword>import|from|def|async|await|return|for|in|while|True|False|None|int)\b""")]
    private static partial Regex PythonTokens();
}
