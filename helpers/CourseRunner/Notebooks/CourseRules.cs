using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseRunner.Notebooks;

/// <summary>A broken course rule: the 1-based line of the cell (null for the whole cell or file) and why.</summary>
internal sealed record RuleViolation(int? Line, string Message);

/// <summary>
/// The course's rules, stricter than the kernel, in one place: the runner applies them when it loads a notebook
/// (rejecting it, with file, cell and line, before anything runs) and the test suite reuses them. A notebook:
/// nbformat 4 with a <c>.net-*</c> kernelspec (all Polyglot Notebooks opens); C# cells only; no <c>#r "nuget:"</c>
/// or <c>#i</c> (no package restores: the kernel's most reported failure); no <c>#!</c> magic commands; every
/// <c>#r</c> before the cell's code (else CS7009); no <c>using var</c> at a cell's top level (CS1002 in a script);
/// no <c>app.Run()</c> (blocks the cell forever); no <c>namespace</c> (not allowed in a script).
/// Cells are read with Roslyn's C# parser, syntax only: nothing is compiled.
/// </summary>
internal static class CourseRules
{
    /// <summary>What is wrong with the notebook file as a whole.</summary>
    public static IEnumerable<string> FileProblems(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield return "the top level is not a JSON object";
            yield break;
        }
        if (!root.TryGetProperty("nbformat", out var nbformat) || nbformat.ValueKind != JsonValueKind.Number || nbformat.GetInt32() != 4)
            yield return "nbformat must be 4";
        var kernelspec = root.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
                         && m.TryGetProperty("kernelspec", out var k) && k.ValueKind == JsonValueKind.Object
                         && k.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()
            : null;
        if (kernelspec is null || !kernelspec.StartsWith(".net-", StringComparison.Ordinal))
            yield return $"kernelspec.name is '{kernelspec ?? "(missing)"}'; Polyglot Notebooks needs a .NET kernelspec such as '.net-csharp'";
        if (!root.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
            yield return "no \"cells\" array";
    }

    /// <summary>What is wrong with a code cell that runs in <paramref name="kernelName"/>.</summary>
    public static IEnumerable<RuleViolation> CellProblems(string kernelName, string source)
    {
        if (kernelName != "csharp")
        {
            yield return new(null, $"cell kernel is '{kernelName}'; the course runs C# cells only (kernelName \"csharp\")");
            yield break;
        }
        foreach (var v in SourceProblems(source)) yield return v;
    }

    /// <summary>What would fail, hang, restore packages or differ in the kernel, in C# source (a cell or a solution file).</summary>
    public static IEnumerable<RuleViolation> SourceProblems(string source)
    {
        var lines = source.Split('\n');
        var firstCode = Array.FindIndex(lines, l => l.Trim() is var t && t.Length > 0 && !t.StartsWith('#') && !t.StartsWith("//", StringComparison.Ordinal));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (IsDirective(line, "#r") && line[2..].TrimStart().StartsWith("\"nuget:", StringComparison.OrdinalIgnoreCase))
                yield return new(i + 1, $"`{line}`: #r \"nuget:...\" is not allowed (notebooks restore no packages; reference the built BackendLab DLL or a framework assembly by name)");
            else if (IsDirective(line, "#i"))
                yield return new(i + 1, $"`{line}`: #i (package sources) is not allowed (notebooks restore no packages)");
            else if (line.StartsWith("#!", StringComparison.Ordinal))
                yield return new(i + 1, $"`{line}`: magic commands are not allowed (notebooks use plain C#, so they run the same everywhere)");
            else if (IsDirective(line, "#r") && firstCode >= 0 && i > firstCode)
                yield return new(i + 1, $"`{line}`: #r after code (every #r must come before the cell's first line of code: CS7009)");
        }

        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var root = tree.GetRoot();
        int LineOf(SyntaxNodeOrToken n) => tree.GetLineSpan(n.Span).StartLinePosition.Line + 1;

        // At a cell's top level the script parser reads "using var x = …;" as a broken using directive (CS1002);
        // after other statements it skips those tokens. Either way: a `using var` outside any block or lambda.
        foreach (var token in root.DescendantTokens(descendIntoTrivia: true).Where(IsTopLevelUsingVar))
            yield return new(LineOf(token), "`using var` at the cell's top level (a compile error in the kernel; use a block or dispose explicitly)");

        foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            if (call.Expression is MemberAccessExpressionSyntax member
                && (member.Name.Identifier.Text == "Run" || (member.Name.Identifier.Text == "RunAsync" && call.ArgumentList.Arguments.Count == 0))
                && member.Expression.ToString() is not ("Task" or "Parallel"))
                yield return new(LineOf(call), $"`{call}` blocks the cell forever (use `await app.StartAsync()`)");

        foreach (var ns in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            yield return new(LineOf(ns), "declares a namespace (not allowed in a script cell)");
    }

    private static bool IsTopLevelUsingVar(SyntaxToken token)
    {
        if (!token.IsKind(SyntaxKind.UsingKeyword) || token.GetNextToken(includeSkipped: true).Text != "var") return false;
        var node = token.Parent is StructuredTriviaSyntax trivia ? trivia.ParentTrivia.Token.Parent : token.Parent;
        return node is null || !node.AncestorsAndSelf().Any(a => a is BlockSyntax or ArrowExpressionClauseSyntax or LambdaExpressionSyntax);
    }

    private static bool IsDirective(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal) &&
        (line.Length == name.Length || char.IsWhiteSpace(line[name.Length]) || line[name.Length] == '"');
}
