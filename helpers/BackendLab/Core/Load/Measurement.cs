using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// The durations of many calls of the same code, from <see cref="Measure.Repeat"/> or <see cref="Measure.RepeatAsync"/>.
/// Figures are in microseconds (µs; 1,000 µs = 1 ms). Shows as a one-row table in a notebook.
/// </summary>
public sealed class Measurement : IHtmlContent
{
    readonly double[] _sorted;

    internal Measurement(string name, double[] microseconds, TimeSpan elapsed)
    {
        Name = name ?? "";
        Microseconds = microseconds;
        _sorted = [.. microseconds.Order()];
        Elapsed = elapsed;
    }

    /// <summary>What was measured, e.g. "in-process call".</summary>
    public string Name { get; }

    /// <summary>Every timed call's duration in microseconds, in the order the calls ran (plot them with <c>Chart.Histogram</c>).</summary>
    public IReadOnlyList<double> Microseconds { get; }

    /// <summary>How many calls were timed (fewer than asked when the time limit was reached first).</summary>
    public int Count => _sorted.Length;

    /// <summary>Wall-clock time of the timed calls, all together.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The median: half of the calls took less than this many microseconds.</summary>
    public double MedianMicroseconds => PercentileMicroseconds(50);

    /// <summary>99 % of the calls took less than this many microseconds.</summary>
    public double P99Microseconds => PercentileMicroseconds(99);

    /// <summary>The average call, in microseconds (pulled up by a few slow calls more than the median is).</summary>
    public double MeanMicroseconds => _sorted.Length == 0 ? 0 : _sorted.Average();

    /// <summary>The duration below which <paramref name="percent"/> % of the calls finished (nearest rank), in microseconds.</summary>
    public double PercentileMicroseconds(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (_sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    /// <summary>One line, e.g. <c>over HTTP: 500 calls, median 112.4 µs, p99 310.2 µs</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Count:N0} calls, median {MedianMicroseconds:#,0.###} µs, p99 {P99Microseconds:#,0.###} µs");

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => Measure.Table(this).WriteTo(writer, encoder);
}
