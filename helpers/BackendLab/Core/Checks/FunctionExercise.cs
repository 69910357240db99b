namespace BackendLab;

/// <summary>
/// An exercise whose answer is a function, judged on declared input → expected cases: <c>q2.Check(StatusText)</c>.
/// <code>
/// public static readonly FunctionExercise&lt;int, string&gt; Q2 = new("01-backend-basics/q2", "Name the status class",
///     ["2xx means success."]) { Name = "StatusClass", Cases = { (200, "success"), (404, "client error") } };
/// </code>
/// </summary>
public sealed class FunctionExercise<TIn, TOut> : Exercise
{
    /// <summary>Declares the exercise; add its cases with <c>Cases = { (input, expected), … }</c>.</summary>
    public FunctionExercise(string id, string title, IEnumerable<string>? hints = null) : base(id, title, hints) { }

    /// <summary>Inputs and the results the function must give for them, tried in order.</summary>
    public List<(TIn Input, TOut Expected)> Cases { get; } = [];

    /// <summary>The function's name in messages, e.g. "StatusClass" (shown as <c>StatusClass(404)</c>). Default: "f".</summary>
    public string Function { get; init; } = "f";

    /// <summary>The starter's return value; when every case gives it back, the exercise counts as not attempted. Default: none.</summary>
    public Optional<TOut> Placeholder { get; init; }

    /// <summary>For numeric results: how far from the expected value still counts as right. Default: 0 (exact).</summary>
    public double Tolerance { get; init; }

    /// <summary>How long an <c>async</c> function may take for one case before it counts as hanging. Default: 5 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Given the input and a wrong result, a sentence guessing the likely slip (or null). Default: none.</summary>
    public Func<TIn, TOut, string?>? Slip { get; init; }

    /// <summary>Calls <paramref name="function"/> on every case and reports the first that differs. Never throws.</summary>
    public CheckResult Check(Func<TIn, TOut> function) =>
        Run(function is null ? null : input => Task.FromResult(function(input))).GetAwaiter().GetResult();

    /// <summary>
    /// Like <see cref="Check(Func{TIn, TOut})"/> for an <c>async</c> function: <c>await q2.CheckAsync(async x => …)</c>.
    /// Each call may take up to <see cref="Timeout"/>.
    /// </summary>
    public Task<CheckResult> CheckAsync(Func<TIn, Task<TOut>> function) => Run(function);

    Task<CheckResult> Run(Func<TIn, Task<TOut>>? function) => GuardAsync(async () =>
    {
        if (function is null) return NotAttempted();
        foreach (var (input, expected) in Cases)
        {
            var call = $"{Function}({Shown.Value(input)})";
            TOut actual;
            try { actual = await function(input).WaitAsync(Timeout); }
            catch (TimeoutException)
            {
                return Result(CheckOutcome.Incorrect, $"`{call}` did not finish within {HtmlTable.Format(Timeout)}. Is it waiting for something that never happens?");
            }
            catch (Exception e) when (!LearnerCode.IsStarter(e))
            {
                return Result(CheckOutcome.Incorrect, $"`{call}` threw `{LearnerCode.Describe(e)}`; it should return `{Shown.Value(expected)}`.");
            }
            if (Shown.Same(expected, actual, Tolerance)) continue;
            if (Placeholder.HasValue && Shown.Same(Placeholder.Value, actual, 0) && await AllGiveAsync(function, Placeholder.Value))
                return NotAttempted();
            var slip = Slip?.Invoke(input, actual) ?? DefaultSlip(actual);
            return Result(CheckOutcome.Incorrect,
                $"`{call}` returned `{Shown.Value(actual)}`, but it should return `{Shown.Value(expected)}`." + (slip is null ? "" : " " + slip));
        }
        return Result(CheckOutcome.Correct, $"`{Function}` gives the right result for all {Cases.Count} inputs tried.");
    });

    async Task<bool> AllGiveAsync(Func<TIn, Task<TOut>> function, TOut placeholder)
    {
        foreach (var (input, _) in Cases)
        {
            try { if (!Shown.Same(placeholder, await function(input).WaitAsync(Timeout), 0)) return false; }
            catch (Exception) { return false; }
        }
        return true;
    }

    static string? DefaultSlip(TOut actual) =>
        actual is null || (Shown.IsNumber(actual) && Shown.Same(0, actual, 0))
            ? "Does every path through the function `return` the computed value?"
            : LearnerCode.AwaitSlip(actual?.ToString());
}
