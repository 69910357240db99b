namespace BackendLab;

/// <summary>
/// Where the learner's progress is kept, or why it is not kept. The environment variable
/// <c>BACKENDLAB_PROGRESS</c> decides: unset (the default) keeps it in the learner's own profile folder,
/// <c>off</c> keeps nothing (the course runner and the tests set this), and a file path keeps it in that file.
/// </summary>
internal sealed record ProgressLocation(string? File, string? OffBecause)
{
    /// <summary>The environment variable that switches progress off (<c>off</c>) or moves its file (a path).</summary>
    public const string Variable = "BACKENDLAB_PROGRESS";

    /// <summary>The folder under the profile's local application data folder.</summary>
    public const string Folder = "backend-fundamentals-csharp";

    /// <summary>The file name inside <see cref="Folder"/>.</summary>
    public const string FileName = "progress.json";

    /// <summary>True when progress is recorded (and shown).</summary>
    public bool IsOn => File is not null;

    /// <summary>
    /// Reads the switch now (not once at start-up): <c>%LOCALAPPDATA%</c> on Windows, <c>~/Library/Application Support</c>
    /// on macOS, <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, then <c>backend-fundamentals-csharp/progress.json</c>.
    /// </summary>
    public static ProgressLocation Current()
    {
        var setting = Environment.GetEnvironmentVariable(Variable)?.Trim();
        if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase))
            return Off($"{Variable}=off is set in this process. The course runner and the test suites set it, so they never read or change a learner's progress.");
        if (!string.IsNullOrEmpty(setting))
            return new(Path.GetFullPath(setting), null);
        var profile = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(profile)
            ? Off("this process has no profile folder to keep it in (no home folder is set).")
            : new(Path.Combine(profile, Folder, FileName), null);
    }

    static ProgressLocation Off(string because) => new(null, because);
}
