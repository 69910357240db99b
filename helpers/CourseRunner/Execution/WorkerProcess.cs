using System.Diagnostics;
using System.Globalization;
using CourseRunner.Notebooks;

namespace CourseRunner.Execution;

/// <summary>
/// Runs one notebook in a fresh child process (<see cref="Worker"/>) — the faithful model of "a
/// fresh kernel per notebook": isolated script state and static state, and a hung cell can really
/// be stopped. The worker enforces the cell timeout itself; as a backstop this side kills the
/// whole process tree when a cell has run for the timeout plus <see cref="Grace"/>.
/// </summary>
internal static class WorkerProcess
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public static async Task<NotebookResult> RunAsync(Notebook notebook, RunOptions options, RunCallbacks? callbacks, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = notebook.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["BACKENDLAB_PROGRESS"] = "off" }, // a run never reads or changes a learner's progress
        };
        foreach (var a in (string[])[typeof(Worker).Assembly.Location, "--worker", Path.GetFullPath(notebook.Path),
                     "--cell-timeout", options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(a);
        if (options.Solutions) start.ArgumentList.Add("--solutions");

        var results = new Dictionary<int, CellResult>();
        var gate = new Lock();
        int? running = null;
        var lastStart = Stopwatch.StartNew();
        var done = false;
        var killed = false;

        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine($"    | {e.Data}"); };
        process.BeginErrorReadLine();
        using var watchdog = new Timer(_ =>
        {
            lock (gate)
            {
                if (done || lastStart.Elapsed < options.Timeout + Grace) return;
                killed = true;
            }
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (WorkerEvent.Parse(line) is not { } e) { log.WriteLine($"    | {line}"); continue; }
            lock (gate)
            {
                switch (e.Event)
                {
                    case WorkerEvent.Started:
                        running = e.Cell;
                        lastStart.Restart();
                        break;
                    case WorkerEvent.Finished when e.Result is not null:
                        results[e.Result.Index] = e.Result;
                        running = null;
                        break;
                    case WorkerEvent.Updated when e.Cell is { } cell && results.TryGetValue(cell, out var owner):
                        foreach (var output in owner.Outputs.OfType<DataOutput>().Where(o => o.DisplayId == e.DisplayId))
                            output.Data = e.Data ?? output.Data;
                        break;
                    case WorkerEvent.Done:
                        done = true;
                        break;
                }
            }
            if (e.Event == WorkerEvent.Started) callbacks?.CellStarted?.Invoke(notebook.Cells[e.Cell!.Value]);
            if (e.Event == WorkerEvent.Finished && e.Result is not null) callbacks?.CellFinished?.Invoke(e.Result);
        }
        await process.WaitForExitAsync();
        lock (gate) done = true;

        // Whatever the worker did not report: the cell it was in when it died, then the rest.
        var cells = new List<CellResult>();
        string? lost = null;
        foreach (var cell in notebook.Cells)
        {
            if (results.TryGetValue(cell.Index, out var result)) { cells.Add(result); continue; }
            if (cell.Kind != CellKind.Code) { cells.Add(CellResult.NotCode(cell.Index)); continue; }
            if (lost is null) // the cell it was running, or the next one if it died between cells
            {
                var why = killed
                    ? $"Cell timed out: no result after {(options.Timeout + Grace).TotalSeconds:0} s; the runner killed the notebook's process."
                    : $"The notebook's process ended (exit code {process.ExitCode}) while this cell ran.";
                var failed = new CellResult(cell.Index, killed ? CellStatus.TimedOut : CellStatus.Failed,
                    [new ErrorOutput { Message = why }], lastStart.Elapsed.TotalSeconds, null, why);
                cells.Add(failed);
                callbacks?.CellFinished?.Invoke(failed);
                lost = $"not run: the notebook's process ended at cell {cell.Number}";
                continue;
            }
            cells.Add(CellResult.NotRun(cell.Index, lost ?? "not run"));
        }
        return new NotebookResult(notebook.Path, notebook, CheckOutcomes.Apply(cells, options), [], clock.Elapsed);
    }

    /// <summary>The <c>dotnet</c> host running us (or the one on PATH when started through the apphost).</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
}
