namespace BackendLab;

/// <summary>
/// Finds an exercise's solution file. The notebook's folder is the current directory both in VS Code and in the
/// course runner, so <c>solutions/&lt;notebook&gt;/&lt;qN&gt;.csx</c> is tried first; then <c>notebooks/solutions/…</c>
/// in every folder above the current directory and above BackendLab.dll (for a cell run from elsewhere).
/// </summary>
internal static class SolutionFiles
{
    /// <summary>The solution file for <paramref name="exerciseId"/>, or null. <paramref name="root"/>: look only in this solutions folder.</summary>
    public static string? Find(string exerciseId, string? root = null) =>
        root is not null
            ? Existing(Path.Combine(root, Relative(exerciseId)))
            : Find(exerciseId, Directory.GetCurrentDirectory(), Path.GetDirectoryName(typeof(SolutionFiles).Assembly.Location));

    /// <summary>The search itself, from explicit starting folders.</summary>
    internal static string? Find(string exerciseId, string currentDirectory, string? libraryDirectory)
    {
        var relative = Relative(exerciseId);
        var candidates = new List<string> { Path.Combine(currentDirectory, "solutions", relative) };
        foreach (var start in new[] { currentDirectory, libraryDirectory })
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, "notebooks", "solutions", relative));
        return candidates.FirstOrDefault(File.Exists);
    }

    static string Relative(string exerciseId) => Path.Combine(exerciseId.Split('/')) + ".csx";

    static string? Existing(string path) => File.Exists(path) ? path : null;
}
