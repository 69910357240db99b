using System.Diagnostics;

namespace BackendLab;

/// <summary>
/// Times a piece of code many times, one call after another, and keeps every call's duration:
/// <code>
/// var local = Measure.Repeat("in-process call", 10_000, () => Price("book", 2));
/// var http  = await Measure.RepeatAsync("over HTTP", 500, () => shop.Client.GetAsync("/price?item=book&amp;qty=2"));
/// Measure.Table(local, http)
/// </code>
/// A few untimed warm-up calls come first (the first call of any code pays for its compilation).
/// Every run is bounded twice: by the number of calls and by <c>maxDuration</c>.
/// Introduced in lesson 1 (the cost of crossing the boundary between client and server).
/// </summary>
public static class Measure
{
    /// <summary>The longest a measurement runs when no <c>maxDuration</c> is given: 10 seconds.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromSeconds(10);

    /// <summary>Calls <paramref name="action"/> <paramref name="times"/> times (after <paramref name="warmup"/> untimed calls) and times each call.</summary>
    /// <param name="name">What is measured, e.g. "in-process call"; it labels tables and charts.</param>
    /// <param name="times">How many calls to time (1 to 10 million).</param>
    /// <param name="action">The code to time.</param>
    /// <param name="warmup">Untimed calls before the timed ones. Default 20.</param>
    /// <param name="maxDuration">Stop early once this much time has passed. Default <see cref="DefaultMaxDuration"/> (10 s).</param>
    public static Measurement Repeat(string name, int times, Action action, int warmup = 20, TimeSpan? maxDuration = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var limit = Validate(times, warmup, maxDuration);
        for (var i = 0; i < warmup; i++) action();
        var samples = new double[times];
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        while (count < times && Stopwatch.GetElapsedTime(started) < limit)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[count++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        return Measurement.Of(name, samples[..count], Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Like <see cref="Repeat"/> for asynchronous code: each call is awaited before the next one starts.</summary>
    /// <param name="name">What is measured, e.g. "GET /price over HTTP".</param>
    /// <param name="times">How many calls to time (1 to 10 million).</param>
    /// <param name="action">The code to time, e.g. <c>() => server.Client.GetAsync("/")</c>.</param>
    /// <param name="warmup">Untimed calls before the timed ones. Default 20.</param>
    /// <param name="maxDuration">Stop early once this much time has passed. Default <see cref="DefaultMaxDuration"/> (10 s).</param>
    public static async Task<Measurement> RepeatAsync(string name, int times, Func<Task> action, int warmup = 20, TimeSpan? maxDuration = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var limit = Validate(times, warmup, maxDuration);
        for (var i = 0; i < warmup; i++) await action();
        var samples = new double[times];
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        while (count < times && Stopwatch.GetElapsedTime(started) < limit)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            samples[count++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        return Measurement.Of(name, samples[..count], Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Several measurements side by side: calls, median, p99, and each median as a multiple of the first one's
    /// ("× first"), so a table reads as "over HTTP is 2,000× an in-process call".
    /// </summary>
    public static HtmlTable Table(params Measurement[] measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var table = new HtmlTable()
            .Column("what").Column("calls")
            .Column("median µs", "half of the calls took less than this, in microseconds (1 µs = 1/1000 ms)")
            .Column("p99 µs", "99 % of the calls took less than this")
            .Column("× first", "this median divided by the first row's median");
        foreach (var m in measurements)
            table.Row(m.Name, m.Count, Math.Round(m.PercentileNanoseconds(50) / 1000, 3), Math.Round(m.PercentileNanoseconds(99) / 1000, 3),
                Math.Round(m.PercentileNanoseconds(50) / measurements[0].PercentileNanoseconds(50), 1));
        return table;
    }

    static TimeSpan Validate(int times, int warmup, TimeSpan? maxDuration)
    {
        if (times is < 1 or > 10_000_000) throw new ArgumentOutOfRangeException(nameof(times), times, "Time between 1 and 10,000,000 calls.");
        if (warmup is < 0 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(warmup), warmup, "Warm up with 0 to 1,000,000 calls.");
        var limit = maxDuration ?? DefaultMaxDuration;
        if (limit <= TimeSpan.Zero || limit > TimeSpan.FromMinutes(10))
            throw new ArgumentOutOfRangeException(nameof(maxDuration), limit, "The time limit must be positive and at most 10 minutes.");
        return limit;
    }
}
