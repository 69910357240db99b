using System.Globalization;

namespace BackendLab;

/// <summary>
/// A concept question whose answer is a number the learner works out (on paper or in a cell).
/// <code>
/// public static readonly NumberQuestion Q2 = new("00-start-here/concepts-q2",
///     "A server answers 100 requests, one after another, in 0.5 s. What is its throughput, in requests per second?",
///     answer: 200, explanation: "Throughput is requests ÷ seconds: 100 ÷ 0.5 = 200.") { Tolerance = 0.5 };
/// </code>
/// </summary>
public sealed class NumberQuestion : Question
{
    readonly double _answer;

    /// <summary>Declares the question and its answer.</summary>
    public NumberQuestion(string id, string prompt, double answer, string explanation, IEnumerable<string>? hints = null)
        : base(id, prompt, explanation, hints) => _answer = answer;

    /// <summary>How far from the answer still counts as right. Default: 0 (exact; at most 1e-9 of floating-point error).</summary>
    public double Tolerance { get; init; }

    /// <summary>The unit, named in messages, e.g. "requests per second". Default: none.</summary>
    public string Unit { get; init; } = "";

    /// <inheritdoc/>
    protected override string AnswerForm => "a number";

    /// <inheritdoc/>
    protected override string ExampleCall => $"{Handle}.Check(answer: 42)";

    /// <summary>Judges <paramref name="answer"/>; <c>null</c> is "not attempted". Never throws.</summary>
    public CheckResult Check(double? answer)
    {
        if (answer is null) return NotAttempted();
        var shown = answer.Value.ToString("#,0.###", CultureInfo.InvariantCulture) + (Unit.Length > 0 ? " " + Unit : "");
        if (double.IsNaN(answer.Value)) return Wrong("Your answer is `NaN` (not a number): did something divide 0 by 0?");
        if (Math.Abs(answer.Value - _answer) <= Math.Max(Tolerance, 1e-9)) return Correct($"`{shown}` is right.");
        return Wrong($"You answered `{shown}`; that is not it ({(answer.Value > _answer ? "too high" : "too low")}).");
    }
}
