using System.Diagnostics;
using CourseRunner.Execution;
using CourseRunner.Notebooks;

namespace CourseRunner.Cli;

/// <summary>What the runner prints as it goes: each cell with its duration and verdict, a line per notebook, a summary.</summary>
internal sealed class ProgressPrinter(TextWriter output)
{
    private readonly Lock _gate = new();

    public void NotebookStarting(int position, int count, string path) => Line($"[{position}/{count}] {path}");

    public void Problem(NotebookProblem problem) => Line($"  REJECTED  {problem}");

    public RunCallbacks Callbacks(Notebook notebook) => new(
        KernelStarted: kernel => Line(
            $"  kernel   pid {kernel.ProcessId}: start {kernel.Start.TotalSeconds:0.00} s, warm-up {kernel.WarmUp.TotalSeconds:0.00} s; " +
            $"this notebook waited {kernel.Waited.TotalSeconds:0.00} s for it"),
        CellFinished: result =>
        {
            if (result.Status is CellStatus.NotCode) return;
            var cell = notebook.Cells[result.Index];
            var verdict = result.Status switch
            {
                CellStatus.Ok => "ok      ",
                CellStatus.TimedOut => "TIMEOUT ",
                CellStatus.Failed => "FAILED  ",
                _ => "not run ",
            };
            var exercise = cell.ExerciseId is { } id ? $" [{cell.ItemKind ?? "exercise"}:{id}]" : "";
            var why = result.Failure is { } f && result.Status != CellStatus.NotRun ? $"  {f}" : "";
            Line(result.Status == CellStatus.NotRun
                ? $"  cell {cell.Number,3}  {verdict}"
                : $"  cell {cell.Number,3}  {verdict}{result.Seconds,7:0.00} s{exercise}{why}");
        });

    public void NotebookFinished(NotebookResult result)
    {
        var name = Path.GetFileName(result.Path);
        var codeCells = result.Cells.Count(c => c.Status != CellStatus.NotCode);
        Line(result.Problems.Count > 0
            ? $"  => {name}: NOT RUN ({result.Problems.Count} problem(s))"
            : $"  => {name}: {(result.Succeeded ? "ok" : "FAILED")}, {result.FailedCells} of {codeCells} code cells failed, " +
              $"claims: {result.ClaimsHeld} held, {result.ClaimsNotHeld} not held, {result.WallTime.TotalSeconds:0.0} s");
        foreach (var cell in result.Cells)
            foreach (var statement in ClaimOutcomes.Of(cell).Statements)
                Line($"     claim not held, cell {cell.Index + 1}: {statement}");
    }

    public void Summary(IReadOnlyList<NotebookResult> results, Stopwatch clock)
    {
        var failed = results.Count(r => !r.Succeeded);
        Line($"Summary: {results.Count} notebook(s): {results.Count - failed} ok, {failed} failed; " +
             $"{results.Sum(r => r.FailedCells)} failed cell(s); claims {results.Sum(r => r.ClaimsHeld)} held, {results.Sum(r => r.ClaimsNotHeld)} not held; {clock.Elapsed.TotalSeconds:0.0} s");
    }

    public void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }
}
