using BackendFundamentals.TestSupport;

namespace CourseRunner.Tests;

/// <summary>
/// A fact that drives a real Chromium. Outside CI, without a Chromium it is reported as SKIPPED with the
/// command that installs one; in CI it always runs (see <see cref="Prerequisite"/>).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Skips with the install command when Chromium is missing outside CI.</summary>
    public ChromiumFactAttribute() => Skip = Prerequisite.Chromium.SkipReason;
}
