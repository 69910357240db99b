using System.Globalization;

namespace BackendLab;

/// <summary>
/// An exercise whose answer is a value the learner computes: <c>q1.Check(requestsPerSecond)</c>.
/// <code>
/// public static readonly ValueExercise&lt;double&gt; Q1 = new("03-client-server/q1", "Throughput of 40 requests in 2 s", 20.0,
///     ["Throughput is requests per second.", "Divide the request count by the seconds."]) { Tolerance = 0.01, Placeholder = 0 };
/// </code>
/// </summary>
/// <typeparam name="T">The answer's type.</typeparam>
public sealed class ValueExercise<T> : Exercise
{
    readonly T _expected;

    /// <summary>Declares the exercise and its expected value.</summary>
    public ValueExercise(string id, string title, T expected, IEnumerable<string>? hints = null) : base(id, title, hints) => _expected = expected;

    /// <summary>What the answer is called in messages, e.g. "`throughput`". Default: "your value".</summary>
    public string What { get; init; } = "your value";

    /// <summary>The starter cell's value; getting it back means "not attempted". Default: none (every value is judged).</summary>
    public Optional<T> Placeholder { get; init; }

    /// <summary>For numbers: how far from the expected value still counts as right. Default: 0 (exact).</summary>
    public double Tolerance { get; init; }

    /// <summary>A custom rule that replaces "equals the expected value": true when the answer is right. Default: none.</summary>
    public Func<T, bool>? Accept { get; init; }

    /// <summary>Given a wrong answer, a sentence guessing the likely slip (or null). Default: none.</summary>
    public Func<T, string?>? Slip { get; init; }

    /// <summary>Judges <paramref name="value"/>. Never throws.</summary>
    public CheckResult Check(T value) => Guard(() => Judge(value));

    /// <summary>Runs <paramref name="compute"/> and judges what it returns; a starter that throws <see cref="NotImplementedException"/> counts as not attempted.</summary>
    public CheckResult Check(Func<T> compute) => Guard(() => Judge(compute()));

    CheckResult Judge(T value)
    {
        if (Placeholder.HasValue && Shown.Same(Placeholder.Value, value, 0)) return NotAttempted();
        var right = Accept?.Invoke(value) ?? Shown.Same(_expected, value, Tolerance);
        if (right) return Result(CheckOutcome.Correct, $"{Capital(What)} is {Quote(value)}.");
        var slip = Slip?.Invoke(value);
        return Result(CheckOutcome.Incorrect, $"{Capital(What)} is {Quote(value)}, which is not it yet{Direction(value)}." + (slip is null ? "" : " " + slip));
    }

    string Direction(T value) =>
        Accept is null && Shown.IsNumber(value) && Shown.IsNumber(_expected)
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture) > Convert.ToDouble(_expected, CultureInfo.InvariantCulture) ? " (too high)" : " (too low)"
            : "";

    static string Quote(object? value) => $"`{Shown.Value(value)}`";

    static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
