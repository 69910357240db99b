using System.Diagnostics;
using CourseRunner.Kernel;
using CourseRunner.Notebooks;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace CourseRunner.Execution;

/// <summary>Optional hooks to watch a run as it goes (progress printing).</summary>
internal sealed record RunCallbacks(
    Action<NotebookCell>? CellStarted = null,
    Action<CellResult>? CellFinished = null,
    Action<KernelTimings>? KernelStarted = null);

/// <summary>
/// Where a notebook's kernel time went: starting the process until it said ready, its warm-up cell, and how long the
/// notebook actually waited for it (zero when it was started while the previous notebook ran).
/// </summary>
internal sealed record KernelTimings(TimeSpan Start, TimeSpan WarmUp, TimeSpan Waited, int ProcessId);

/// <summary>
/// Runs a notebook as VS Code's "Run All" does in a fresh kernel: one <c>dotnet-interactive stdio</c> process in
/// the notebook's folder, each code cell sent as <see cref="SubmitCode"/> in order, every event recorded. A failed
/// cell does not stop the run. A cell over the timeout gets a kernel <see cref="Cancel"/>, then the kernel's whole
/// process tree is ended (Cancel does not stop running code: dotnet/interactive#3387) and the rest of the notebook
/// is reported "not run". A kernel that dies fails the cell it was running and leaves the rest not run.
/// </summary>
internal static class NotebookExecutor
{
    /// <summary>How long a kernel may take to start (a cold machine, a busy CI runner).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How long the kernel gets to acknowledge a Cancel before its process tree is ended anyway.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(1);

    /// <summary>Starts (and warms) the kernel a notebook will run in: in its folder, as VS Code does.</summary>
    public static Task<KernelConnection> StartKernelAsync(KernelTool tool, Notebook notebook) =>
        KernelConnection.StartWarmAsync(tool, notebook.Directory, StartTimeout);

    /// <summary>Runs <paramref name="notebook"/> in <paramref name="kernelStarting"/> (started for it, never used before), then ends that kernel.</summary>
    public static async Task<IReadOnlyList<CellResult>> RunAsync(Task<KernelConnection> kernelStarting, Notebook notebook, RunOptions options, RunCallbacks? callbacks = null)
    {
        var results = new List<CellResult>();
        var waited = Stopwatch.StartNew();
        await using var kernel = await kernelStarting;
        callbacks?.KernelStarted?.Invoke(new KernelTimings(kernel.StartTime, kernel.WarmUpTime, waited.Elapsed, kernel.ProcessId));
        var recorder = new CellRecorder();
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
                result = ClaimOutcomes.Judge(await RunCellAsync(kernel, recorder, cell, ++executionCount, options.Timeout), options);
                if (result.Status == CellStatus.TimedOut) abandoned = $"not run: cell {cell.Number} timed out";
                else if (kernel.ExitCode is { } code) abandoned = $"not run: the kernel process ended (exit code {code}) at cell {cell.Number}";
            }
            results.Add(result);
            callbacks?.CellFinished?.Invoke(result);
        }
        return results;
    }

    private static async Task<CellResult> RunCellAsync(KernelConnection kernel, CellRecorder recorder, NotebookCell cell, int executionCount, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        recorder.StartCell();
        var submit = new SubmitCode(cell.Source, "csharp");
        var token = submit.GetOrCreateToken();
        kernel.Send(submit);

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await kernel.Events.WaitToReadAsync(deadline.Token))
            {
                while (kernel.Events.TryRead(out var e))
                {
                    var owner = e.Command?.GetOrCreateToken();
                    if (e is DisplayedValueUpdated update && !IsOf(owner, token))
                    {
                        recorder.RecordLate(update);
                        continue;
                    }
                    if (!IsOf(owner, token)) continue; // another command's event (none is running)
                    switch (e)
                    {
                        case CommandSucceeded when owner == token:
                            return Finish(CellStatus.Ok, null);
                        case CommandFailed failed when owner == token:
                            return Finish(CellStatus.Failed, failed.Message);
                        default:
                            recorder.Record(e);
                            break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            kernel.Send(new Cancel());
            await Task.Delay(CancelGrace);
            kernel.KillTree();
            return Finish(CellStatus.TimedOut,
                $"Cell timed out after {timeout.TotalSeconds:0.#} s (--cell-timeout). The runner sent the kernel Cancel, then ended " +
                "its process tree (Cancel does not stop running code); the rest of this notebook is not run.");
        }

        // The event stream ended: the kernel process is gone.
        await WaitForExitAsync(kernel);
        var why = $"The kernel process ended (exit code {kernel.ExitCode?.ToString() ?? "unknown"}) while this cell ran; the rest of this notebook is not run.";
        var tail = kernel.StderrTail;
        return Finish(CellStatus.Failed, tail.Length > 0 ? $"{why}\nkernel stderr:\n{tail}" : why);

        CellResult Finish(CellStatus status, string? failure)
        {
            if (failure is not null) recorder.Fail(failure);
            return new CellResult(cell.Index, status, recorder.Outputs, clock.Elapsed.TotalSeconds, executionCount,
                failure is null ? null : failure.Split('\n', 2)[0].TrimEnd('\r'));
        }
    }

    /// <summary>True when <paramref name="owner"/> is the cell's command or one the kernel split it into ("t.1").</summary>
    private static bool IsOf(string? owner, string token) =>
        owner is not null && (owner == token || owner.StartsWith(token + ".", StringComparison.Ordinal));

    private static async Task WaitForExitAsync(KernelConnection kernel)
    {
        for (var i = 0; i < 50 && kernel.ExitCode is null; i++) await Task.Delay(100);
    }
}

/// <summary>The in-process API: load, run and judge one notebook (the CLI and the tests use it).</summary>
internal static class NotebookRunner
{
    public static async Task<NotebookResult> RunAsync(string path, RunOptions options, RunCallbacks? callbacks = null)
    {
        var clock = Stopwatch.StartNew();
        var (notebook, problems) = NotebookFile.Load(path, options.Solutions);
        if (notebook is null) return NotebookResult.Rejected(path, problems);
        return await RunAsync(notebook, options, callbacks, null, clock);
    }

    /// <summary>Runs a loaded notebook in <paramref name="kernel"/> (a kernel started for it), or in a new kernel if null.</summary>
    public static async Task<NotebookResult> RunAsync(Notebook notebook, RunOptions options, RunCallbacks? callbacks, Task<KernelConnection>? kernel, Stopwatch? clock = null)
    {
        clock ??= Stopwatch.StartNew();
        try
        {
            if (kernel is null)
            {
                var tool = KernelTool.Find();
                await tool.EnsureRestoredAsync(); // a fresh machine: the tests call this API before any CLI run
                kernel = NotebookExecutor.StartKernelAsync(tool, notebook);
            }
            var cells = await NotebookExecutor.RunAsync(kernel, notebook, options, callbacks);
            return new NotebookResult(notebook.Path, notebook, CheckOutcomes.Apply(cells, options), [], clock.Elapsed);
        }
        catch (KernelUnavailableException e)
        {
            return new NotebookResult(notebook.Path, null, [], [new NotebookProblem(notebook.FileName, null, null, e.Message)], clock.Elapsed);
        }
    }
}
