namespace BackendLab;

/// <summary>
/// The course's own facts about the loaded helper library. Every notebook's first cell calls
/// <c>Course.Expect("2")</c> right after loading BackendLab, so a stale build says so in one line.
/// </summary>
public static partial class Course
{
    /// <summary>
    /// The version of BackendLab's API that the notebooks are written against. It changes whenever a rename would make an
    /// older build fail to compile a notebook's cells.
    /// </summary>
    public const string ApiVersion = "2";

    /// <summary>
    /// Does nothing when the loaded BackendLab is API version <paramref name="version"/>; otherwise fails the cell with one
    /// line saying to run <c>dotnet build</c> at the repository root and restart the kernel.
    /// </summary>
    /// <param name="version">The API version the notebook was written for, e.g. <c>"2"</c>.</param>
    /// <exception cref="StaleBuildException">The loaded BackendLab is another version.</exception>
    public static void Expect(string version)
    {
        if (version != ApiVersion) throw new StaleBuildException(version, ApiVersion);
    }
}

/// <summary>The loaded BackendLab is not the version a notebook expects (see <see cref="Course.Expect"/>).</summary>
/// <param name="expected">The version the notebook asked for.</param>
/// <param name="loaded">The version of the BackendLab that is loaded.</param>
public sealed class StaleBuildException(string expected, string loaded) : Exception(
    $"This notebook expects BackendLab API version {expected}, but version {loaded} is loaded: " +
    "run `dotnet build` at the repository root, then restart the kernel.")
{
    /// <summary>Only the message: a stack trace would hide the one line that matters.</summary>
    public override string ToString() => Message;
}
