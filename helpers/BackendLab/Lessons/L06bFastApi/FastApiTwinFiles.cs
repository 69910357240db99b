namespace BackendLab.Lessons.L06bFastApi;

/// <summary>Where the FastAPI twin (<c>helpers/fastapi-twin/</c>) and the lab server's C# endpoints are in this repository.</summary>
internal static class FastApiTwinFiles
{
    /// <summary>The environment variable naming the twin's folder, for a layout where it cannot be found by walking up.</summary>
    public const string FolderVariable = "BACKENDLAB_FASTAPI_TWIN";

    /// <summary><c>helpers/fastapi-twin</c>: from <c>BACKENDLAB_FASTAPI_TWIN</c>, else found by walking up from BackendLab.dll.</summary>
    public static string Folder()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured) return configured;
        for (var dir = Path.GetDirectoryName(typeof(FastApiTwinFiles).Assembly.Location); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var twin = Path.Combine(dir, "helpers", "fastapi-twin");
            if (File.Exists(Path.Combine(twin, "serve.py"))) return twin;
        }
        throw new FileNotFoundException($"helpers/fastapi-twin/serve.py was not found above {typeof(FastApiTwinFiles).Assembly.Location}; set {FolderVariable}.");
    }

    /// <summary>The launcher the servers run: <c>serve.py</c>.</summary>
    public static string ServeScript() => Path.Combine(Folder(), "serve.py");

    /// <summary>The app itself: <c>app.py</c>.</summary>
    public static string AppScript() => Path.Combine(Folder(), "app.py");

    /// <summary>The repository's <c>helpers/</c> folder (the twin's parent).</summary>
    public static string Helpers() => Path.GetDirectoryName(Path.GetFullPath(Folder()).TrimEnd(Path.DirectorySeparatorChar))!;
}
