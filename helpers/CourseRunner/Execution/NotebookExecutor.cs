using System.Diagnostics;
using CourseRunner.Notebooks;

namespace CourseRunner.Execution;

/// <summary>Optional hooks to watch a run as it goes (progress printing, the worker's event stream).</summary>
internal sealed record RunCallbacks(
    Action<NotebookCell>? CellStarted = null,
    Action<CellResult>? CellFinished = null,
    Action<int, DataOutput>? OutputUpdated = null);

/// <summary>
/// Runs a notebook's cells in order in one fresh script state, like "Run All" in a fresh kernel:
/// a failed cell does not stop the run; a timed-out cell abandons the rest.
/// </summary>
internal static class NotebookExecutor
{
    public static async Task<IReadOnlyList<CellResult>> RunAsync(Notebook notebook, RunOptions options, RunCallbacks? callbacks = null)
    {
        ConsoleCapture.EnsureInstalled();
        DisplayBridge.EnsureInstalled(Console.Error);
        var previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(notebook.Directory); // VS Code runs the kernel in the notebook's folder
        try
        {
            var session = await ScriptSession.StartAsync(notebook.Directory);
            var results = new List<CellResult>();
            var executionCount = 0;
            string? abandoned = null;
            foreach (var cell in notebook.Cells)
            {
                CellResult result;
                if (cell.Kind != CellKind.Code) result = CellResult.NotCode(cell.Index);
                else if (abandoned is not null) result = CellResult.NotRun(cell.Index, abandoned);
                else
                {
                    callbacks?.CellStarted?.Invoke(cell);
                    result = await CellExecutor.RunAsync(session, cell, ++executionCount, options.Timeout, callbacks?.OutputUpdated);
                    if (result.Status == CellStatus.TimedOut)
                        abandoned = $"not run: cell {cell.Number} timed out";
                }
                results.Add(result);
                callbacks?.CellFinished?.Invoke(result);
            }
            return results;
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }
    }
}

/// <summary>
/// The in-process API: load, run and judge one notebook in this process. The CLI uses a worker
/// process per notebook instead (see <see cref="WorkerProcess"/>); tests use this for speed.
/// </summary>
internal static class NotebookRunner
{
    public static async Task<NotebookResult> RunAsync(string path, RunOptions options, RunCallbacks? callbacks = null)
    {
        var clock = Stopwatch.StartNew();
        var (notebook, problems) = NotebookFile.Load(path, options.Solutions);
        if (notebook is null) return NotebookResult.Rejected(path, problems);
        var cells = await NotebookExecutor.RunAsync(notebook, options, callbacks);
        return new NotebookResult(path, notebook, CheckOutcomes.Apply(cells, options), [], clock.Elapsed);
    }
}
