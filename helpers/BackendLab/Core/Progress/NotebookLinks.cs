namespace BackendLab;

/// <summary>
/// Relative links from the current directory (the notebook's folder, in VS Code and in the runner) to a lesson notebook:
/// <c>01-backend-basics.ipynb</c> next to it, else the path to the repository's <c>notebooks/</c> folder found above the
/// current directory or above BackendLab.dll.
/// </summary>
internal static class NotebookLinks
{
    /// <summary>The link (always with '/') to <paramref name="notebook"/> + ".ipynb", or just its file name when it is not found.</summary>
    public static string To(string notebook, string? currentDirectory = null)
    {
        var here = currentDirectory ?? Directory.GetCurrentDirectory();
        var file = notebook + ".ipynb";
        if (File.Exists(Path.Combine(here, file))) return file;
        var folder = Folder(here);
        return folder is null ? file : Path.GetRelativePath(here, Path.Combine(folder, file)).Replace('\\', '/');
    }

    /// <summary>The repository's <c>notebooks</c> folder, or null.</summary>
    public static string? Folder(string? currentDirectory = null)
    {
        foreach (var start in new[] { currentDirectory ?? Directory.GetCurrentDirectory(), Path.GetDirectoryName(typeof(NotebookLinks).Assembly.Location) })
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "notebooks");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.ipynb").Any()) return candidate;
            }
        return null;
    }
}
