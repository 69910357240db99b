using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseRunner.Notebooks;
using Xunit.Abstractions;

namespace CourseRunner.Tests.CourseNotebooks;

/// <summary>Notebook runs measure things: they run one at a time, never beside another test of this assembly.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookRuns
{
    public const string Name = "Notebook runs";
}

/// <summary>
/// Every notebook in <c>notebooks/</c>, as committed and as run by the built runner (a child process, as in the
/// README's command). Each notebook runs twice in all: its cells followed by the same cells again (the starter
/// code, "Run All" twice in one session), and once with <c>--solutions</c>.
/// </summary>
[Collection(NotebookRuns.Name)]
public sealed class NotebookSuite(ITestOutputHelper output)
{
    public static TheoryData<string> Notebooks => SavedNotebook.All();

    const string HelperReference = """#r "../artifacts/bin/BackendLab/release/BackendLab.dll" """;

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void IsCommittedWithoutOutputsAndWithPolyglotMetadata(string notebook)
    {
        var nb = SavedNotebook.Open(notebook);
        var kernelspec = (string?)nb.Json["metadata"]?["kernelspec"]?["name"] ?? "";
        Assert.True(kernelspec.StartsWith(".net-", StringComparison.Ordinal),
            $"{notebook}: metadata.kernelspec.name is '{kernelspec}'; Polyglot Notebooks only opens '.net-…' (use '.net-csharp').");
        Assert.Equal("csharp", (string?)nb.Json["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);

        var problems = new List<string>();
        foreach (var cell in nb.CodeCells)
        {
            var kernel = (string?)cell.Json["metadata"]?["polyglot_notebook"]?["kernelName"];
            var language = (string?)cell.Json["metadata"]?["dotnet_interactive"]?["language"];
            if (kernel != "csharp" || language != "csharp")
                problems.Add($"cell {cell.Index + 1}: kernelName '{kernel}', language '{language}' (both must be 'csharp')");
            if (cell.Outputs.Count > 0) problems.Add($"cell {cell.Index + 1}: saved with {cell.Outputs.Count} output(s)");
            if (cell.Json["execution_count"] is not null) problems.Add($"cell {cell.Index + 1}: execution_count is not null");
        }
        Assert.True(problems.Count == 0, $"{notebook}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void UsesOnlyWhatRunsTheSameInTheKernel(string notebook)
    {
        var nb = SavedNotebook.Open(notebook);
        var first = nb.CodeCells.FirstOrDefault();
        Assert.True(first is not null && first.Source.StartsWith(HelperReference.TrimEnd(), StringComparison.Ordinal),
            $"{notebook}: the first code cell must start with {HelperReference.TrimEnd()}");

        var problems = nb.CodeCells.SelectMany(cell => KernelProblems(cell.Source).Select(p => $"cell {cell.Index + 1} ({cell.FirstLine}): {p}")).ToList();
        Assert.True(problems.Count == 0, $"{notebook}:\n{string.Join("\n", problems)}");
    }

    /// <summary>A lesson cell is one idea a learner reads at once: at most 25 non-blank lines; plumbing goes in BackendLab.</summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryCodeCellIsShortEnoughToRead(string notebook)
    {
        const int Limit = 25;
        var tooLong = SavedNotebook.Open(notebook).CodeCells
            .Select(cell => (cell, lines: cell.Source.Split('\n').Count(l => l.Trim().Length > 0)))
            .Where(x => x.lines > Limit)
            .Select(x => $"cell {x.cell.Index + 1} ({x.cell.FirstLine}): {x.lines} non-blank lines")
            .ToList();
        Assert.True(tooLong.Count == 0, $"{notebook}: cells over {Limit} non-blank lines:\n{string.Join("\n", tooLong)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryExerciseHasItsSolutionFile(string notebook)
    {
        var nb = SavedNotebook.Open(notebook);
        var folder = Path.Combine(Repository.SolutionsFolder, nb.Name);
        var ids = nb.ExerciseCells.Select(c => c.ExerciseId!).ToList();
        Assert.True(ids.Count == ids.Distinct().Count(), $"{notebook}: an exercise id is used twice: {string.Join(", ", ids)}");
        foreach (var id in ids)
        {
            var file = Path.Combine(folder, id + ".csx");
            Assert.True(File.Exists(file) && File.ReadAllText(file).Trim().Length > 0,
                $"{notebook}: exercise '{id}' has no solution at notebooks/solutions/{nb.Name}/{id}.csx");
        }
        var orphans = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.csx").Select(Path.GetFileNameWithoutExtension).Except(ids).ToList()
            : [];
        Assert.True(orphans.Count == 0, $"{notebook}: solutions without an exercise cell: {string.Join(", ", orphans)}");
    }

    /// <summary>
    /// The check call ends the exercise cell itself, so an edit that does not compile shows only its errors and never a verdict
    /// on the previous definition; the solution, run in its place with --solutions, ends with the same call.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryExerciseCellEndsWithItsCheckAndSoDoesItsSolution(string notebook)
    {
        var nb = SavedNotebook.Open(notebook);
        var problems = new List<string>();
        foreach (var cell in nb.ExerciseCells)
        {
            var check = ExerciseTag.CheckCall(cell.Source);
            if (check is null) { problems.Add($"cell {cell.Index + 1} ({cell.FirstLine}): the exercise cell does not end with its check call"); continue; }
            var file = Path.Combine(Repository.SolutionsFolder, nb.Name, cell.ExerciseId + ".csx");
            if (File.Exists(file) && ExerciseTag.CheckCall(File.ReadAllText(file)) != check)
                problems.Add($"notebooks/solutions/{nb.Name}/{cell.ExerciseId}.csx does not end with its cell's `{check}`");
        }
        Assert.True(problems.Count == 0, $"{notebook}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task RunsAllTwiceInOneSessionWithTheStarterCode(string notebook)
    {
        var nb = SavedNotebook.Open(notebook);
        var copy = nb.WriteRunAllTwiceCopy();
        RunnerRun run;
        try
        {
            run = await RunnerProcess.RunAsync(copy, solutions: false);
        }
        finally
        {
            File.Delete(copy);
        }
        output.WriteLine($"{notebook}: Run All twice with the starter code took {run.Elapsed.TotalSeconds:F1} s");

        var executed = run.Executed();
        var n = nb.Cells.Count;
        Assert.True(executed.Cells.Count == 2 * n, $"{notebook}: expected {2 * n} executed cells, got {executed.Cells.Count}.\n{run.Describe()}");
        // Cells are numbered from 1, as the runner prints them.
        string Where(NotebookCell c) => $"cell {c.Index % n + 1} ({(c.Index < n ? "first Run All" : "second Run All")}; {nb.Cells[c.Index % n].FirstLine})";

        var problems = new List<string>();
        problems.AddRange(FailedCells(executed, Where));
        problems.AddRange(FailedSetupLines(executed, Where));
        foreach (var pass in new[] { executed.Cells.Take(n).ToList(), executed.Cells.Skip(n).ToList() })
            foreach (var (exercise, check) in ExerciseChecks(pass))
            {
                if (check is null)
                    problems.Add($"{Where(exercise)}: exercise '{exercise.ExerciseId}' has no check output after it");
                else if (check.Value.Outcome is not ("not-attempted" or "incorrect"))
                    problems.Add($"{Where(check.Value.Cell)}: the starter code of '{exercise.ExerciseId}' should get \"not yet\", but its check says '{check.Value.Outcome}'");
            }
        if (problems.Count == 0 && run.ExitCode != 0) problems.Add($"the runner failed although no cell did.");
        Assert.True(problems.Count == 0, $"{notebook}, Run All twice with the starter code:\n{string.Join("\n", problems)}\n\n{run.Describe()}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task RunsWithTheSolutionsAndEveryCheckPasses(string notebook)
    {
        var nb = SavedNotebook.Open(notebook);
        var run = await RunnerProcess.RunAsync(nb.Path, solutions: true);
        output.WriteLine($"{notebook}: --solutions took {run.Elapsed.TotalSeconds:F1} s");

        var executed = run.Executed();
        string Where(NotebookCell c) => $"cell {c.Index + 1} ({nb.Cells[c.Index].FirstLine})";
        var problems = new List<string>();
        problems.AddRange(FailedCells(executed, Where));
        problems.AddRange(FailedSetupLines(executed, Where));
        foreach (var (exercise, check) in ExerciseChecks(executed.Cells.ToList()))
            if (check is null)
                problems.Add($"{Where(exercise)}: exercise '{exercise.ExerciseId}' has no check output after it");
        foreach (var cell in executed.Cells)
            foreach (var outcome in ExecutedCells.Checks(cell).Where(o => o != "correct"))
                problems.Add($"{Where(cell)}: with the solutions this check says '{outcome}', not 'correct'");
        if (problems.Count == 0 && run.ExitCode != 0) problems.Add($"the runner failed although no cell or check did.");
        Assert.True(problems.Count == 0, $"{notebook} with --solutions:\n{string.Join("\n", problems)}\n\n{run.Describe()}");
    }

    static IEnumerable<string> FailedCells(SavedNotebook executed, Func<NotebookCell, string> where) =>
        executed.Cells.Select(c => (Cell: c, Error: ExecutedCells.Error(c)))
            .Where(x => x.Error is not null)
            .Select(x => $"{where(x.Cell)} failed:\n    {x.Error!.Replace("\n", "\n    ")}");

    static IEnumerable<string> FailedSetupLines(SavedNotebook executed, Func<NotebookCell, string> where) =>
        executed.Cells.Where(c => ExecutedCells.SetupLines(c).Contains("failed")).Select(c => $"{where(c)} shows a failed setup line (✘)");

    /// <summary>Each exercise cell with the first check shown after it (before the next exercise), if any.</summary>
    static IEnumerable<(NotebookCell Exercise, (NotebookCell Cell, string Outcome)? Check)> ExerciseChecks(IReadOnlyList<NotebookCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].ExerciseId is null) continue;
            (NotebookCell, string)? check = null;
            for (var j = i; j < cells.Count && check is null && (j == i || cells[j].ExerciseId is null); j++)
                if (ExecutedCells.Checks(cells[j]) is [var outcome, ..])
                    check = (cells[j], outcome);
            yield return (cells[i], check);
        }
    }

    /// <summary>What would fail, hang or differ in the real kernel: the runner's own course rules (CourseRunner.Notebooks.CourseRules).</summary>
    internal static IEnumerable<string> KernelProblems(string source) =>
        CourseRules.SourceProblems(source).Select(v => v.Line is { } line ? $"line {line}: {v.Message}" : v.Message);
}
