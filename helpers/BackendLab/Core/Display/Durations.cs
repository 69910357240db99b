using System.Globalization;

namespace BackendLab;

/// <summary>The one way BackendLab writes a duration, in tables, messages and claims alike.</summary>
public static class Durations
{
    /// <summary>What a percentile of zero completed requests shows instead of a duration: <c>none completed</c>.</summary>
    public const string NoneCompleted = "none completed";

    /// <summary>
    /// Formats <paramref name="duration"/> in milliseconds with a sensible number of digits:
    /// <c>0.213 ms</c>, <c>20.40 ms</c>, <c>1,532 ms</c>.
    /// </summary>
    /// <param name="duration">A latency, a timeout, an elapsed time…</param>
    public static string Format(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        return (Math.Abs(ms) < 1 ? ms.ToString("0.000", CultureInfo.InvariantCulture)
            : Math.Abs(ms) < 100 ? ms.ToString("0.00", CultureInfo.InvariantCulture)
            : ms.ToString("N0", CultureInfo.InvariantCulture)) + " ms";
    }
}
