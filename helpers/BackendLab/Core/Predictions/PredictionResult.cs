using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// A prediction set against the measurement (from <see cref="Prediction.Against(double)"/>): "You guessed 10×; it was
/// 1,606× (161 times your guess)". With no guess written, only the measurement shows. Its HTML carries
/// <c>data-backendlab-prediction="compared"</c> or <c>"measured-only"</c>.
/// </summary>
public sealed class PredictionResult : IHtmlContent
{
    internal const string Colour = "#7a4fb5";

    internal PredictionResult(Prediction prediction, double? measured, char? actual) =>
        (Prediction, Measured, Actual) = (prediction, measured, actual);

    /// <summary>The prediction that was compared.</summary>
    public Prediction Prediction { get; }

    /// <summary>The measured number (number predictions), or null.</summary>
    public double? Measured { get; }

    /// <summary>The letter that turned out right (choice predictions), or null.</summary>
    public char? Actual { get; }

    /// <summary>True when a guess was written and could be compared.</summary>
    public bool Compared => Prediction.HasGuess;

    /// <summary>
    /// Number predictions: measured ÷ guess (1 means spot on; 161 means the real value was 161 times the guess); NaN when
    /// there was no guess or either side is 0 or negative. Choice predictions: NaN.
    /// </summary>
    public double Ratio => Prediction.Number is { } g && Measured is { } m && g > 0 && m > 0 ? m / g : double.NaN;

    /// <summary>Choice predictions: true when the guessed letter is the right one. Number predictions: true within a factor of 1.25.</summary>
    public bool IsClose => Prediction.IsChoice ? Prediction.Letter == Actual : double.IsFinite(Ratio) && Math.Max(Ratio, 1 / Ratio) <= 1.25;

    /// <summary>The sentence, built from the numbers: "You guessed 10×; it was 1,606×: 161 times your guess."</summary>
    public string Sentence
    {
        get
        {
            var measured = Prediction.IsChoice ? Prediction.ChoiceText(Actual!.Value) : Readable.Number(Measured!.Value) + Prediction.Unit;
            if (!Compared) return $"It was {measured}.";
            var guessed = Prediction.IsChoice ? Prediction.ChoiceText(Prediction.Letter!.Value) : Readable.Number(Prediction.Number!.Value) + Prediction.Unit;
            if (Prediction.IsChoice) return IsClose ? $"You guessed {guessed}: right." : $"You guessed {guessed}; it was {measured}.";
            if (!double.IsFinite(Ratio)) return $"You guessed {guessed}; it was {measured}.";
            if (IsClose) return $"You guessed {guessed}; it was {measured}: within a factor of 1.25, well predicted.";
            return Ratio > 1
                ? $"You guessed {guessed}; it was {measured}: {Readable.Number(Ratio)} times your guess."
                : $"You guessed {guessed}; it was {measured}: your guess was {Readable.Number(1 / Ratio)} times too high.";
        }
    }

    /// <summary>The question and <see cref="Sentence"/>.</summary>
    public override string ToString() => $"{Prediction.Question}\n{Sentence}";

    /// <summary>Writes the comparison box.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var mark = !Compared ? "📏 Measured" : IsClose ? "🎯 Prediction vs measurement" : "🔍 Prediction vs measurement";
        writer.Write(Box.Render(Colour, mark, Prediction.Question, Html.Inline(Sentence), null,
            $"data-backendlab-prediction=\"{(Compared ? "compared" : "measured-only")}\""));
    }
}
