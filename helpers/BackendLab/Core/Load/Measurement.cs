using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// The durations of many calls of the same code, from <see cref="Measure.Repeat"/> or <see cref="Measure.RepeatAsync"/>:
/// a <see cref="LatencySummary"/> (p50, p99, mean… as <see cref="TimeSpan"/>s; read microseconds with
/// <c>.P50.TotalMicroseconds</c>) plus every call's own duration. Shows as a one-row table in a notebook.
/// </summary>
public sealed record Measurement : LatencySummary, IHtmlContent
{
    /// <summary>What was measured, e.g. "in-process call".</summary>
    public required string Name { get; init; }

    /// <summary>Every timed call's duration in microseconds, in the order the calls ran (plot them with <c>Chart.Histogram</c>).</summary>
    public required IReadOnlyList<double> Microseconds { get; init; }

    /// <summary>Wall-clock time of the timed calls, all together.</summary>
    public required TimeSpan Elapsed { get; init; }

    internal static Measurement Of(string name, double[] microseconds, TimeSpan elapsed)
    {
        var histogram = NewHistogram();
        foreach (var us in microseconds) Record(histogram, (long)Math.Round(us * 1000));
        return new() { Name = name ?? "", Microseconds = microseconds, Elapsed = elapsed, Latencies = histogram, Count = microseconds.Length, Errors = 0 };
    }

    /// <summary>One line, e.g. <c>over HTTP: 500 calls, median 112.4 µs, p99 310.2 µs</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Count:N0} calls, median {PercentileNanoseconds(50) / 1000:#,0.###} µs, p99 {PercentileNanoseconds(99) / 1000:#,0.###} µs");

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Measure.Table(this).WriteTo(writer, encoder);
}
