using System.Text.Json.Serialization;

namespace BackendLab;

/// <summary>
/// What the course remembers about one checked item (an exercise now; a concept question later), on this computer only.
/// "Done" means it was correct at least once: a later wrong try does not take that away, but <see cref="Last"/> shows it.
/// </summary>
/// <param name="Kind">"exercise" (later also "question").</param>
/// <param name="Last">The outcome of the most recent check.</param>
/// <param name="LastAt">When the most recent check ran (UTC).</param>
/// <param name="EverCorrect">True once a check has said Correct; it stays true.</param>
/// <param name="FirstCorrectAt">When a check first said Correct (UTC), or null.</param>
/// <param name="Attempts">How many times it was checked.</param>
public sealed record ProgressEntry(string Kind, CheckOutcome Last, DateTimeOffset LastAt, bool EverCorrect, DateTimeOffset? FirstCorrectAt, int Attempts)
{
    /// <summary>True when the item counts as done: it was correct at least once.</summary>
    [JsonIgnore]
    public bool IsDone => EverCorrect;

    /// <summary>This entry after one more check that ended in <paramref name="outcome"/> at <paramref name="at"/>.</summary>
    internal static ProgressEntry After(ProgressEntry? before, string kind, CheckOutcome outcome, DateTimeOffset at)
    {
        var correct = outcome == CheckOutcome.Correct;
        return new(kind, outcome, at,
            (before?.EverCorrect ?? false) || correct,
            before?.FirstCorrectAt ?? (correct ? at : null),
            (before?.Attempts ?? 0) + 1);
    }
}
