using System.Diagnostics;
using CourseRunner.Formatting;
using CourseRunner.Notebooks;

namespace CourseRunner.Execution;

/// <summary>
/// Runs one code cell: console and display(...) captured while it runs, then its value
/// (execute_result) or its failure (error). A cell over the timeout is reported as timed out; its
/// code cannot be aborted, so the caller abandons the notebook (the worker process then exits,
/// which is what really stops it).
/// </summary>
internal static class CellExecutor
{
    public static async Task<CellResult> RunAsync(
        ScriptSession session, NotebookCell cell, int executionCount, TimeSpan timeout, Action<int, DataOutput>? onLateUpdate)
    {
        var clock = Stopwatch.StartNew();
        var outputs = new CellOutputCollector(cell.Index, onLateUpdate);

        if (Directives.FindMagicFailure(cell.Source) is { } magic)
            return Finish(CellStatus.Failed, magic);

        var submission = Task.Run(() =>
        {
            CellContext.Current = outputs; // flows into everything this cell starts
            return session.SubmitAsync(cell.Source);
        });
        if (await Task.WhenAny(submission, Task.Delay(timeout)) != submission)
        {
            return Finish(CellStatus.TimedOut,
                $"Cell timed out after {timeout.TotalSeconds:0.#} s (--cell-timeout). A running cell cannot be stopped, " +
                "so the runner abandoned the rest of this notebook.");
        }

        var outcome = await submission;
        if (outcome.CompileErrors is { } errors) return Finish(CellStatus.Failed, errors);
        if (outcome.Exception is { } exception) return Finish(CellStatus.Failed, exception.ToString());
        if (outcome.HasValue)
        {
            try
            {
                outputs.TryAdd(new DataOutput { IsResult = true, Data = OutputFormatter.Format(outcome.Value) });
            }
            catch (Exception e)
            {
                return Finish(CellStatus.Failed, e.ToString());
            }
        }
        return Finish(CellStatus.Ok, null);

        CellResult Finish(CellStatus status, string? failure)
        {
            if (failure is not null) outputs.TryAdd(new ErrorOutput { Message = failure });
            return new CellResult(cell.Index, status, outputs.Seal(), clock.Elapsed.TotalSeconds, executionCount,
                failure is null ? null : FirstLine(failure));
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
