namespace CourseRunner.Tests.CourseNotebooks;

/// <summary>Where the course lives on disk, found from the test assembly upwards.</summary>
static class Repository
{
    static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds BackendFundamentals.slnx.</summary>
    public static string Root => RootPath.Value;

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    public static string SolutionsFolder => Path.Combine(NotebooksFolder, "solutions");

    /// <summary>The Release build of the runner that the README's command runs.</summary>
    public static string RunnerDll => Path.Combine(Root, "artifacts", "bin", "CourseRunner", "release", "CourseRunner.dll");

    /// <summary>The helper library every notebook loads through its first <c>#r</c>.</summary>
    public static string BackendLabDll => Path.Combine(Root, "artifacts", "bin", "BackendLab", "release", "BackendLab.dll");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BackendFundamentals.slnx")))
                return dir.FullName;
        throw new InvalidOperationException($"No BackendFundamentals.slnx above {AppContext.BaseDirectory}.");
    }
}
