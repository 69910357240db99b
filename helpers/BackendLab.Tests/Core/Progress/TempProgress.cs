namespace BackendLab.Tests;

/// <summary>
/// Points this process's progress at a file in a fresh temp folder for one test (<c>BACKENDLAB_PROGRESS=&lt;file&gt;</c>),
/// and switches it off again afterwards. The tests run one at a time (AssemblyInfo.cs), so the variable is theirs.
/// </summary>
sealed class TempProgress : IDisposable
{
    public TempProgress()
    {
        Folder = Directory.CreateTempSubdirectory("progress-test-").FullName;
        File = Path.Combine(Folder, "progress.json");
        Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", File);
    }

    public string Folder { get; }

    public string File { get; }

    /// <summary>A value exercise of lesson 1 that is right when given 42.</summary>
    public static ValueExercise<int> Exercise(string id = "01-backend-basics/q1") => new(id, "Answer 42", 42) { Placeholder = 0 };

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", "off");
        Directory.Delete(Folder, recursive: true);
    }
}
