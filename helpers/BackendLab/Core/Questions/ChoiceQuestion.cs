namespace BackendLab;

/// <summary>
/// A multiple-choice concept question: the learner passes a letter.
/// <code>
/// public static readonly ChoiceQuestion Q1 = new("00-start-here/concepts-q1",
///     "Your server listens on 127.0.0.1. Who can send it requests?",
///     ["any computer on the internet", "programs on this computer only", "only the notebook cell that started it"],
///     answer: 'b', explanation: "127.0.0.1 is the loopback address: …", hints: ["What does 'loopback' loop back to?"]);
/// </code>
/// </summary>
public sealed class ChoiceQuestion : Question
{
    readonly char _answer;

    /// <summary>Declares the question, its choices (lettered a, b, c… in order) and the right letter.</summary>
    public ChoiceQuestion(string id, string prompt, string[] choices, char answer, string explanation, IEnumerable<string>? hints = null)
        : base(id, prompt, explanation, hints)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length is < 2 or > 26) throw new ArgumentException("A choice question needs 2 to 26 choices.", nameof(choices));
        Choices = choices;
        _answer = char.ToLowerInvariant(answer);
        if (_answer < 'a' || _answer >= 'a' + choices.Length) throw new ArgumentOutOfRangeException(nameof(answer), answer, "The answer must be one of the choices' letters.");
    }

    /// <summary>The choices, in letter order.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>For a wrong letter, a sentence about why that choice is tempting but not it (optional). Default: none.</summary>
    public IReadOnlyDictionary<char, string> WhyNot { get; init; } = new Dictionary<char, string>();

    /// <inheritdoc/>
    protected override string Options => string.Join("\n", Choices.Select((c, i) => $"  {(char)('a' + i)}) {c}"));

    /// <inheritdoc/>
    protected override string AnswerForm => $"a letter from 'a' to '{(char)('a' + Choices.Count - 1)}'";

    /// <inheritdoc/>
    protected override string ExampleCall => $"{Handle}.Check(answer: 'a')";

    /// <summary>Judges <paramref name="answer"/> (upper or lower case); <c>null</c> is "not attempted". Never throws.</summary>
    public CheckResult Check(char? answer)
    {
        if (answer is null) return NotAttempted();
        var letter = char.ToLowerInvariant(answer.Value);
        if (letter < 'a' || letter >= 'a' + Choices.Count)
            return Wrong($"`'{answer}'` is not one of the choices: pick {AnswerForm}.");
        if (letter == _answer) return Correct($"`'{letter}'` — {Choices[letter - 'a']} — is right.");
        var why = WhyNot.TryGetValue(letter, out var w) ? " " + w : "";
        return Wrong($"You picked `'{letter}'` ({Choices[letter - 'a']}); that is not it.{why}");
    }
}
