namespace CourseRunner.Execution;

/// <summary>
/// How to run notebooks: <see cref="Solutions"/> swaps exercise cells for their solutions and makes every check count;
/// <see cref="ClaimsMustHold"/> (CI) makes a claim that does not hold fail its cell.
/// </summary>
internal sealed record RunOptions(bool Solutions = false, TimeSpan? CellTimeout = null, bool ClaimsMustHold = false)
{
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    public TimeSpan Timeout => CellTimeout ?? DefaultCellTimeout;

    /// <summary>True when the environment variable <c>CI</c> is set to anything but <c>false</c> or <c>0</c>.</summary>
    public static bool IsCi(string? ci) =>
        !string.IsNullOrWhiteSpace(ci) && !ci.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) && ci.Trim() != "0";
}
