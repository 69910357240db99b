using System.Globalization;
using CourseRunner.Notebooks;

namespace CourseRunner.Execution;

/// <summary>
/// The hidden <c>--worker &lt;notebook&gt; [--solutions] [--cell-timeout S]</c> mode: runs one
/// notebook in this fresh process (a fresh "kernel": no script state, no static state in BackendLab,
/// no servers left over from another notebook) and streams <see cref="WorkerEvent"/>s on stdout.
/// Console output not owned by a running cell goes to stderr. The process always ends with
/// Environment.Exit, which also ends whatever a cell left running (servers, timers, a hung cell).
/// </summary>
internal static class Worker
{
    public static async Task<int> RunAsync(string[] args)
    {
        var protocol = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        var gate = new Lock();
        void Emit(WorkerEvent e) { lock (gate) protocol.WriteLine(e.ToLine()); }

        var path = args[0];
        var solutions = args.Contains("--solutions");
        var timeoutIndex = Array.IndexOf(args, "--cell-timeout");
        var timeout = timeoutIndex > 0 ? TimeSpan.FromSeconds(double.Parse(args[timeoutIndex + 1], CultureInfo.InvariantCulture)) : (TimeSpan?)null;

        ConsoleCapture.EnsureInstalled(fallbackOut: Console.Error, fallbackError: Console.Error);
        var exitCode = 0;
        try
        {
            var (notebook, problems) = NotebookFile.Load(path, solutions);
            if (notebook is null)
            {
                foreach (var p in problems) Console.Error.WriteLine(p);
                exitCode = 1;
            }
            else
            {
                await NotebookExecutor.RunAsync(notebook, new RunOptions(solutions, timeout), new RunCallbacks(
                    CellStarted: cell => Emit(new(WorkerEvent.Started, cell.Index)),
                    CellFinished: result => Emit(new(WorkerEvent.Finished, result.Index, result)),
                    OutputUpdated: (cell, output) => Emit(new(WorkerEvent.Updated, cell, DisplayId: output.DisplayId, Data: output.Data))));
                Emit(new(WorkerEvent.Done));
            }
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"[course-runner worker] {e}");
            exitCode = 1;
        }
        await protocol.FlushAsync();
        Console.Error.Flush();
        Environment.Exit(exitCode);
        return exitCode;
    }
}
