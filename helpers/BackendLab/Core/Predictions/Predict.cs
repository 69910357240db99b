namespace BackendLab;

/// <summary>
/// "Predict, then run", written down: a prompt where you type your guess in code before the cell that measures it.
/// Later, the measuring cell compares: <c>guess.Against(measured)</c> shows "You guessed 10×; it was 1,606×".
/// <code>
/// var guess = Predict.Number("How many times slower is a request than a function call?", guess: null, unit: "×");
/// // … measure …
/// guess.Against(requestMicros / callMicros)
/// </code>
/// Nothing is sent or saved anywhere: the guess lives in the notebook's variable. Leaving <c>guess: null</c> is fine;
/// the measurement then simply shows.
/// </summary>
public static class Predict
{
    /// <summary>A prompt for a number.</summary>
    /// <param name="question">What to predict, e.g. "How many requests per second will one user get?".</param>
    /// <param name="guess">Your guess; <c>null</c> (the starter) means "no guess written".</param>
    /// <param name="unit">Written right after numbers, e.g. "×", " ms", " req/s". Default: none.</param>
    public static Prediction Number(string question, double? guess, string unit = "") =>
        new(question, guess, null, [], unit ?? "");

    /// <summary>A prompt with lettered choices (a, b, c…).</summary>
    /// <param name="question">What to predict, e.g. "Which finishes first?".</param>
    /// <param name="choices">The choices, shown as a) …, b) …; at most 26.</param>
    /// <param name="guess">The letter you pick, e.g. <c>'b'</c>; <c>null</c> (the starter) means "no guess written".</param>
    public static Prediction Choice(string question, string[] choices, char? guess)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length is < 2 or > 26) throw new ArgumentException("A choice prediction needs 2 to 26 choices.", nameof(choices));
        return new(question, null, guess is { } g ? char.ToLowerInvariant(g) : null, choices, "");
    }
}
