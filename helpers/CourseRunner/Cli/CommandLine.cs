using System.Diagnostics;
using System.Runtime.InteropServices;
using CourseRunner.Execution;
using CourseRunner.Kernel;
using CourseRunner.Notebooks;
using CourseRunner.Site;

namespace CourseRunner.Cli;

/// <summary>
/// The command line: validate each notebook, run it in its own kernel process (the pinned .NET Interactive
/// tool), write the executed notebooks and the site, print progress. Exit codes: 0 all ran and passed, 1 a cell
/// failed or a notebook could not be run, 2 the command line itself was wrong, 130 interrupted (Ctrl+C).
/// Whatever happens, no kernel (nor anything a kernel started) outlives the runner: Ctrl+C, SIGTERM and a normal
/// exit all end every live kernel's process tree.
/// </summary>
internal static class CommandLine
{
    public const int Ok = 0, Failed = 1, UsageError = 2, Interrupted = 130;

    private static bool _interrupted;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var cli = CliArguments.Parse(args);
        if (cli.Help) { stdout.WriteLine(CliArguments.Usage); return Ok; }
        if (cli.Error is not null)
        {
            Console.Error.WriteLine($"CourseRunner: {cli.Error}\n\n{CliArguments.Usage}");
            return UsageError;
        }

        var clock = Stopwatch.StartNew();
        var printer = new ProgressPrinter(stdout);
        using var interrupt = EndKernelsOnInterrupt(printer);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => LiveKernels.KillAll();
        var options = new RunOptions(cli.Solutions, cli.CellTimeout, RunOptions.IsCi(Environment.GetEnvironmentVariable("CI")));
        var inputs = cli.Notebooks().ToList();
        printer.Line($"CourseRunner: {inputs.Count} notebook(s), cell timeout {cli.CellTimeout.TotalSeconds:0.#} s{(cli.Solutions ? ", with solutions" : "")}{(options.ClaimsMustHold ? ", CI: every claim must hold" : "")}");
        KernelTool tool;
        try
        {
            tool = KernelTool.Find();
            printer.Line($"Kernel: {await tool.EnsureRestoredAsync()}, one `dotnet-interactive stdio` process per notebook");
        }
        catch (KernelUnavailableException e)
        {
            Console.Error.WriteLine($"CourseRunner: {e.Message}");
            return Failed;
        }

        // Each notebook is loaded (and checked against the course rules) first; the next runnable notebook's kernel
        // starts while the current one runs, so kernel start-up is off the critical path.
        var loaded = new Dictionary<int, (Notebook? Notebook, IReadOnlyList<NotebookProblem> Problems)>();
        (Notebook? Notebook, IReadOnlyList<NotebookProblem> Problems) Load(int i) =>
            loaded.TryGetValue(i, out var l) ? l : loaded[i] = inputs[i].Missing is { } missing
                ? (null, [new NotebookProblem(inputs[i].Path, null, null, missing)])
                : NotebookFile.Load(inputs[i].Path, options.Solutions);
        var results = new List<NotebookResult>();
        Task<KernelConnection>? next = null;
        for (var i = 0; i < inputs.Count; i++)
        {
            var clockOne = Stopwatch.StartNew();
            printer.NotebookStarting(i + 1, inputs.Count, inputs[i].Path);
            var (notebook, problems) = Load(i);
            NotebookResult result;
            if (notebook is null)
            {
                foreach (var problem in problems) printer.Problem(problem);
                result = NotebookResult.Rejected(inputs[i].Path, problems);
            }
            else
            {
                var kernel = next ?? NotebookExecutor.StartKernelAsync(tool, notebook);
                next = i + 1 < inputs.Count && Load(i + 1).Notebook is { } following
                    ? StartAfterAsync(kernel, tool, following)
                    : null;
                result = await NotebookRunner.RunAsync(notebook, options, printer.Callbacks(notebook), kernel, clockOne);
                foreach (var problem in result.Problems) printer.Problem(problem);
            }
            printer.NotebookFinished(result);
            results.Add(result);
        }

        var notebooksDirectory = Path.Combine(cli.OutDirectory, "notebooks");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in results.Where(r => r.Notebook is not null))
            ExecutedNotebook.Write(result, Path.Combine(notebooksDirectory, SiteWriter.UniqueName(Path.GetFileNameWithoutExtension(result.Path), names) + ".ipynb"));
        var site = SiteWriter.Write(cli.OutDirectory, results);
        printer.Line($"Wrote {results.Count(r => r.Notebook is not null)} executed notebook(s) to {notebooksDirectory} and the site {site}");
        printer.Summary(results, clock);
        if (Volatile.Read(ref _interrupted)) return Interrupted;
        return results.All(r => r.Succeeded) ? Ok : Failed;
    }

    /// <summary>
    /// Starts the next notebook's kernel once the current one is ready, so the two start-ups do not share the CPU
    /// (the current notebook waits for its own kernel alone), and the next start-up overlaps the current cells.
    /// </summary>
    private static async Task<KernelConnection> StartAfterAsync(Task<KernelConnection> current, KernelTool tool, Notebook following)
    {
        try { await current; } catch (KernelUnavailableException) { } // reported with its own notebook
        return await NotebookExecutor.StartKernelAsync(tool, following);
    }

    /// <summary>Ctrl+C (SIGINT): end every kernel's process tree, say so, exit 130.</summary>
    private static PosixSignalRegistration EndKernelsOnInterrupt(ProgressPrinter printer) =>
        PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            Volatile.Write(ref _interrupted, true); // set first: the run may end on its own once its kernel is gone
            LiveKernels.KillAll();
            printer.Line("Interrupted: ended the running kernel and everything it started.");
            Environment.Exit(Interrupted);
        });
}
