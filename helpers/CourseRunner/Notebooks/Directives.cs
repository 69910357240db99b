namespace CourseRunner.Notebooks;

/// <summary>
/// The directive lines the real kernel handles itself (not Roslyn): <c>#r "nuget:"</c>, <c>#i</c>
/// and <c>#!magic</c>. <c>#r "path"</c> and <c>#load</c> are left to Roslyn, as in the kernel.
/// </summary>
internal static class Directives
{
    /// <summary>Magic commands the kernel knows. The runner runs none of them (stricter).</summary>
    private static readonly HashSet<string> KnownMagics =
    [
        "#!time", "#!set", "#!share", "#!import", "#!who", "#!whos", "#!lsmagic", "#!connect", "#!value",
        "#!about", "#!log", "#!nuget-restore", "#!csharp", "#!c#", "#!C#", "#!fsharp", "#!f#", "#!F#",
        "#!pwsh", "#!powershell", "#!javascript", "#!js", "#!html", "#!markdown", "#!md", "#!mermaid",
        "#!sql", "#!kql", "#!http", "#!vscode", "#!frontend",
    ];

    /// <summary>Course rule: notebooks restore no packages. Returns one message per offending line.</summary>
    public static IEnumerable<string> FindForbidden(string code)
    {
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (IsDirective(line, "#r") && line[2..].TrimStart().StartsWith("\"nuget:", StringComparison.OrdinalIgnoreCase))
                yield return $"line {i + 1}: `{line}`: #r \"nuget:...\" is not allowed (course rule: notebooks restore no packages; reference the BackendLab DLL or a framework assembly by name)";
            else if (IsDirective(line, "#i"))
                yield return $"line {i + 1}: `{line}`: #i (package sources) is not allowed (course rule: notebooks restore no packages)";
        }
    }

    /// <summary>The first <c>#!</c> line's failure message, or null. The kernel fails a cell on an unknown magic.</summary>
    public static string? FindMagicFailure(string code)
    {
        foreach (var raw in code.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("#!", StringComparison.Ordinal)) continue;
            var word = line.Split((char[])[' ', '\t'], 2)[0];
            return KnownMagics.Contains(word)
                ? $"{word}: the course runner does not run .NET Interactive magic commands (course rule: notebooks use none, so they run the same everywhere)."
                : $"Unrecognized magic command: {word}";
        }
        return null;
    }

    private static bool IsDirective(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal) &&
        (line.Length == name.Length || char.IsWhiteSpace(line[name.Length]) || line[name.Length] == '"');
}
