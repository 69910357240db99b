using System.Text.RegularExpressions;

namespace CourseRunner.Execution;

/// <summary>
/// BackendLab checks mark their HTML with <c>data-backendlab-check="correct|incorrect|not-attempted"</c>.
/// With --solutions every check must be correct: a cell showing another outcome fails. Without it,
/// outcomes are the learner's business and never fail the run.
/// </summary>
internal static partial class CheckOutcomes
{
    [GeneratedRegex("""data-backendlab-check\s*=\s*["']?(incorrect|not-attempted)""")]
    private static partial Regex NotPassed();

    public static IReadOnlyList<CellResult> Apply(IReadOnlyList<CellResult> cells, RunOptions options) =>
        options.Solutions ? [.. cells.Select(Judge)] : cells;

    private static CellResult Judge(CellResult cell)
    {
        if (cell.Status != CellStatus.Ok) return cell;
        var outcome = cell.Outputs.SelectMany(Texts).Select(t => NotPassed().Match(t)).FirstOrDefault(m => m.Success);
        return outcome is null
            ? cell
            : cell with { Status = CellStatus.Failed, Failure = $"check outcome '{outcome.Groups[1].Value}' with --solutions (every check must be correct)" };
    }

    private static IEnumerable<string> Texts(CellOutput output) => output switch
    {
        DataOutput d => d.Data.Values,
        StreamOutput s => [s.Text],
        _ => [],
    };
}
