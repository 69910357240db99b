using System.Net;
using System.Text.RegularExpressions;

namespace CourseRunner.Execution;

/// <summary>
/// BackendLab claims mark their HTML with <c>data-backendlab-claim="held|not-held"</c> and each statement with
/// <c>data-backendlab-statement="held|not-held"</c>. The runner counts claims per notebook. A claim that does not hold
/// never fails its cell for a learner; with <see cref="RunOptions.ClaimsMustHold"/> (CI) it does, because the prose around
/// it would then be wrong, and the failure names the statement.
/// </summary>
internal static partial class ClaimOutcomes
{
    [GeneratedRegex("""data-backendlab-claim\s*=\s*["']?(held|not-held)""")]
    private static partial Regex Marker();

    [GeneratedRegex("""<div data-backendlab-statement="not-held">(.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex NotHeldStatement();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>Claims a cell showed: how many held, and the statements of those that did not.</summary>
    public static (int Held, int NotHeld, IReadOnlyList<string> Statements) Of(CellResult cell)
    {
        int held = 0, notHeld = 0;
        var statements = new List<string>();
        foreach (var html in cell.Outputs.OfType<DataOutput>().SelectMany(d => d.Data.Values))
        {
            foreach (Match m in Marker().Matches(html))
                if (m.Groups[1].Value == "held") held++; else notHeld++;
            statements.AddRange(NotHeldStatement().Matches(html).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")).Trim()));
        }
        return (held, notHeld, statements);
    }

    /// <summary>With <see cref="RunOptions.ClaimsMustHold"/>, fails a cell that showed a claim that did not hold (judged as the cell ends, so progress prints the verdict).</summary>
    public static CellResult Judge(CellResult cell, RunOptions options)
    {
        if (!options.ClaimsMustHold || cell.Status != CellStatus.Ok) return cell;
        var (_, notHeld, statements) = Of(cell);
        return notHeld == 0
            ? cell
            : cell with { Status = CellStatus.Failed, Failure = $"claim not held (CI: every claim must hold): {string.Join(" | ", statements)}" };
    }
}
