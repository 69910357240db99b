namespace BackendLab;

/// <summary>One moment of long work, as <see cref="LiveProgress"/> shows it (and hands to an <see cref="IProgress{T}"/>).</summary>
/// <param name="Title">What is running, e.g. "Load run: 8 users, 5 s on /hello".</param>
/// <param name="Fraction">How much is done, 0 to 1.</param>
/// <param name="Status">What is happening now, e.g. "2.1 of 5.5 s · 12,345 requests".</param>
/// <param name="Elapsed">Time since the work started.</param>
/// <param name="IsComplete">True for the last report, whose <paramref name="Status"/> is the summary.</param>
public sealed record LiveProgressReport(string Title, double Fraction, string Status, TimeSpan Elapsed, bool IsComplete);
