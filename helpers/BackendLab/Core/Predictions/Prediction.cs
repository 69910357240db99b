using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// A guess written before a measurement (from <see cref="Predict.Number"/> or <see cref="Predict.Choice"/>). Shown as a
/// cell's value it repeats the question and your guess; <see cref="Against(double)"/> or <see cref="Against(char)"/>
/// compares it with what was measured.
/// </summary>
public sealed class Prediction : IHtmlContent
{
    internal Prediction(string question, double? number, char? choice, IReadOnlyList<string> choices, string unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        (Question, Number, Letter, Choices, Unit) = (question, number, choice, choices, unit);
    }

    /// <summary>What was to be predicted.</summary>
    public string Question { get; }

    /// <summary>The guessed number, or null (a choice prediction, or no guess written).</summary>
    public double? Number { get; }

    /// <summary>The guessed letter ('a', 'b'…), or null (a number prediction, or no guess written).</summary>
    public char? Letter { get; }

    /// <summary>The choices of a choice prediction (empty for a number).</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>Written after numbers, e.g. "×".</summary>
    public string Unit { get; }

    /// <summary>True when a guess was written (not the starter's <c>null</c>).</summary>
    public bool HasGuess => Number is not null || Letter is not null;

    /// <summary>True for a choice prediction.</summary>
    public bool IsChoice => Choices.Count > 0;

    /// <summary>Compares a number prediction with the <paramref name="measured"/> value.</summary>
    /// <exception cref="InvalidOperationException">This is a choice prediction: pass the letter that turned out right.</exception>
    public PredictionResult Against(double measured)
    {
        if (IsChoice) throw new InvalidOperationException($"\"{Question}\" is a choice: pass the letter that turned out right, e.g. `Against('a')`.");
        return new PredictionResult(this, measured, null);
    }

    /// <summary>Compares a choice prediction with the letter that turned out right.</summary>
    /// <exception cref="InvalidOperationException">This is a number prediction: pass the measured number.</exception>
    public PredictionResult Against(char actual)
    {
        if (!IsChoice) throw new InvalidOperationException($"\"{Question}\" asks for a number: pass the measured number.");
        var letter = char.ToLowerInvariant(actual);
        if (letter < 'a' || letter >= 'a' + Choices.Count) throw new ArgumentOutOfRangeException(nameof(actual), actual, $"The choices are a to {(char)('a' + Choices.Count - 1)}.");
        return new PredictionResult(this, null, letter);
    }

    /// <summary>"b) many connections", or "no such choice" for a letter outside the list.</summary>
    internal string ChoiceText(char letter) =>
        letter >= 'a' && letter < 'a' + Choices.Count ? $"{letter}) {Choices[letter - 'a']}" : $"'{letter}' (not one of the choices)";

    /// <summary>"Your guess: 10×" or "No guess written yet".</summary>
    public override string ToString() => $"Predict: {Question}\n" + (IsChoice ? string.Join("\n", Choices.Select((c, i) => $"  {(char)('a' + i)}) {c}")) + "\n" : "") +
        (Letter is { } l ? $"Your guess: {ChoiceText(l)}" : Number is { } n ? $"Your guess: {Readable.Number(n)}{Unit}" : "No guess written yet: put yours in place of `null`, then run this cell.");

    /// <summary>Writes the prompt box.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var choices = IsChoice
            ? "<ol type=\"a\" style=\"margin:3px 0 3px 18px;padding:0\">" + string.Concat(Choices.Select(c => $"<li>{Html.Inline(c)}</li>")) + "</ol>"
            : "";
        var guess = Letter is { } l ? $"Your guess: <b>{Html.Encode(ChoiceText(l))}</b>"
            : Number is { } n ? $"Your guess: <b>{Html.Encode(Readable.Number(n) + Unit)}</b>"
            : Html.Inline("No guess written yet: put yours in place of `null`, then run this cell. The measurement below will compare.");
        writer.Write(Box.Render(PredictionResult.Colour, "🤔 Predict", "written before the measurement",
            $"{Html.Inline(Question)}{choices}<div>{guess}</div>", null, $"data-backendlab-prediction=\"{(HasGuess ? "guessed" : "empty")}\""));
    }
}
