using Xunit;

namespace BackendFundamentals.TestSupport;

/// <summary>
/// A fact that drives a real Chromium. Outside CI, without a Chromium it is reported as SKIPPED with the
/// command that installs one; in CI it always runs (see <see cref="Prerequisite"/>).
/// </summary>
/// <remarks>Compiled into every test project from <c>helpers/TestSupport</c>.</remarks>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Skips with the install command when Chromium is missing outside CI.</summary>
    public ChromiumFactAttribute() => Skip = Prerequisite.Chromium.SkipReason;
}
