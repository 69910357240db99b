namespace BackendLab;

/// <summary>
/// An auto-checked exercise, used from a notebook as <c>q1.Check(…)</c>, <c>q1.Hint()</c>, <c>q1.Hint(2)</c>, <c>q1.Solution()</c>.
/// Kinds: <see cref="ValueExercise{T}"/> (a value), <see cref="EndpointExercise"/> (endpoints and their responses), and each
/// lesson's own kinds in its <c>Exercises</c> folder.
/// </summary>
public abstract class Exercise
{
    /// <summary>Declares an exercise.</summary>
    /// <param name="id">"&lt;notebook file name without .ipynb&gt;/&lt;qN&gt;", e.g. "01-backend-basics/q1"; it locates the solution file.</param>
    /// <param name="title">What to do, in a few words.</param>
    /// <param name="hints">Hints from gentle to nearly the answer.</param>
    protected Exercise(string id, string title, IEnumerable<string>? hints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!id.Contains('/')) throw new ArgumentException($"An exercise id looks like \"01-backend-basics/q1\" (notebook/question); '{id}' has no '/'.", nameof(id));
        (Id, Title, Hints) = (id, title ?? "", (hints ?? []).ToList());
    }

    /// <summary>The id, e.g. "01-backend-basics/q1".</summary>
    public string Id { get; }

    /// <summary>The question's name in the notebook, e.g. "q1" (the part of <see cref="Id"/> after the '/').</summary>
    public string Name => Id[(Id.LastIndexOf('/') + 1)..];

    /// <summary>
    /// How a notebook reaches this exercise, used in messages: <c>Lesson02.Q1</c> for the exercise
    /// <c>02-frontend-backend-boundary/q1</c>, <c>Lesson06b.Q1</c> for <c>06b-fastapi-vs-kestrel/q1</c>; just
    /// <see cref="Name"/> for an id without a lesson number.
    /// </summary>
    public string Handle => Id.Split('/')[0].Split('-')[0] is { Length: >= 2 } lesson && char.IsAsciiDigit(lesson[0]) && char.IsAsciiDigit(lesson[1]) && Name.Length > 0
        ? $"Lesson{lesson}.{char.ToUpperInvariant(Name[0])}{Name[1..]}"
        : Name;

    /// <summary>What to do, in a few words.</summary>
    public string Title { get; }

    /// <summary>The hints, gentle first.</summary>
    public IReadOnlyList<string> Hints { get; }

    /// <summary>Where to look for the solution files instead of the usual places (tests use it).</summary>
    internal string? SolutionsRoot { get; set; }

    /// <summary>Shows hint number <paramref name="n"/> (default: the first) and says whether another one follows.</summary>
    public ExerciseNote Hint(int n = 1)
    {
        if (Hints.Count == 0) return ExerciseNote.Hint(Id, "Hint", "There are no hints for this one. Re-read the question, then try a small experiment in a cell.");
        if (n < 1 || n > Hints.Count)
            return ExerciseNote.Hint(Id, "Hint", $"There {(Hints.Count == 1 ? "is 1 hint" : $"are {Hints.Count} hints")} for this exercise: try `{Handle}.Hint({Math.Clamp(n, 1, Hints.Count)})`.");
        var next = n < Hints.Count ? $" (More: `{Handle}.Hint({n + 1})`.)" : "";
        return ExerciseNote.Hint(Id, $"Hint {n} of {Hints.Count}", Hints[n - 1] + next);
    }

    /// <summary>
    /// Shows the solution, read from <c>solutions/&lt;notebook&gt;/&lt;qN&gt;.csx</c> next to the notebook
    /// (or <c>notebooks/solutions/…</c> in a folder above). Try on your own first!
    /// </summary>
    public ExerciseNote Solution()
    {
        var file = SolutionFiles.Find(Id, SolutionsRoot);
        return file is null
            ? ExerciseNote.Missing(Id, $"No solution file found: looked for `solutions/{Id}.csx` next to the notebook and `notebooks/solutions/{Id}.csx` in the folders above it.")
            : ExerciseNote.Code(Id, "Solution", File.ReadAllText(file));
    }

    /// <summary>A one-line description: id and title.</summary>
    public override string ToString() => $"{Id}: {Title}";

    /// <summary>
    /// Raised once for every verdict a check gives, whatever the exercise, in the order they are given: the one place
    /// check outcomes pass through (the learner's progress record is written right after it).
    /// </summary>
    public static event Action<CheckResult>? Checked;

    /// <summary>Builds a result for this exercise.</summary>
    protected CheckResult Result(CheckOutcome outcome, string message, string? details = null) => new(outcome, Id, message, details);

    internal CheckResult Verdict(CheckOutcome outcome, string message, string? details) => Result(outcome, message, details);

    internal CheckResult StarterVerdict() => NotAttempted();

    /// <summary>The standard "not attempted" answer.</summary>
    protected CheckResult NotAttempted(string? what = null) =>
        Result(CheckOutcome.NotAttempted, $"{what ?? "The starter code"} is still in place. Once you replace it with your own code, `{Handle}.Check(…)` will judge it. Stuck? `{Handle}.Hint()`.");

    /// <summary>Runs the check, turning anything unexpected into an Incorrect result: a check never throws.</summary>
    protected CheckResult Guard(Func<CheckResult> check)
    {
        CheckResult result;
        try { result = check(); }
        catch (Exception e) { result = Unexpected(e); }
        return Deliver(result);
    }

    /// <inheritdoc cref="Guard(Func{CheckResult})"/>
    protected async Task<CheckResult> GuardAsync(Func<Task<CheckResult>> check)
    {
        CheckResult result;
        try { result = await check(); }
        catch (Exception e) { result = Unexpected(e); }
        return Deliver(result);
    }

    /// <summary>
    /// Runs a check with a <see cref="CheckRun"/> that starts the learner's code, stops it afterwards, and turns the
    /// starter, a setup error, a throwing or hanging handler into the right verdict. Never throws.
    /// </summary>
    /// <param name="answer">What the learner passed to <c>Check</c>; null is "not attempted".</param>
    /// <param name="check">The check itself.</param>
    /// <param name="timeout">How long one request may take. Default: <see cref="CheckRun.DefaultTimeout"/> (3 seconds).</param>
    internal async Task<CheckResult> RunAsync(object? answer, Func<CheckRun, Task<CheckResult>> check, TimeSpan? timeout = null)
    {
        if (answer is null) return Deliver(NotAttempted());
        CheckResult result;
        var run = new CheckRun(this) { Timeout = timeout ?? CheckRun.DefaultTimeout };
        try { result = await check(run); }
        catch (CheckStop stop) { result = stop.Result; }
        catch (Exception e) { result = Unexpected(e); }
        finally { await run.DisposeAsync(); }
        return Deliver(result);
    }

    static CheckResult Deliver(CheckResult result)
    {
        Checked?.Invoke(result);
        return ProgressLog.Recorded(result); // the learner's record (see Course.Progress); never throws
    }

    CheckResult Unexpected(Exception e) => LearnerCode.IsStarter(e)
        ? NotAttempted()
        : Result(CheckOutcome.Incorrect, $"Your code threw `{LearnerCode.Describe(e)}`.");
}
