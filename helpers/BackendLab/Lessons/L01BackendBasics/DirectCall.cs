using System.Diagnostics;

namespace BackendLab.Lessons.L01BackendBasics;

/// <summary>
/// Times a call too short for a clock to see on its own: a function call takes tens of nanoseconds, and some operating
/// systems' clocks tick only every 100 ns (Windows) or 42 ns (Apple silicon), so timing one call at a time would read 0
/// or one tick. Each sample runs the call <c>callsPerSample</c> times in a row and keeps the mean.
/// <code>var direct = DirectCall.Time("Price(...) called directly", () => Price("book", 2));</code>
/// The result is a <see cref="Measurement"/> (one value per sample: the mean time of one call in it, in microseconds), so
/// it sits in <see cref="Measure.Table"/> beside a request. Introduced in lesson 1.
/// </summary>
public static class DirectCall
{
    /// <summary>
    /// Calls <paramref name="call"/> <paramref name="samples"/> × <paramref name="callsPerSample"/> times (after one untimed
    /// sample of warm-up) and keeps each sample's mean time per call. Bounded by <see cref="Measure.DefaultMaxDuration"/>.
    /// </summary>
    /// <param name="name">What is measured, e.g. "Price(...) called directly"; the table adds how it was sampled.</param>
    /// <param name="call">The code to time.</param>
    /// <param name="samples">How many samples (1 to 100,000). Default 200.</param>
    /// <param name="callsPerSample">Calls per sample (1 to 1,000,000). Default 1,000.</param>
    public static Measurement Time(string name, Action call, int samples = 200, int callsPerSample = 1_000)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, 100_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(callsPerSample, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(callsPerSample, 1_000_000);
        for (var i = 0; i < callsPerSample; i++) call();
        var means = new double[samples];
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        while (count < samples && Stopwatch.GetElapsedTime(started) < Measure.DefaultMaxDuration)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < callsPerSample; i++) call();
            means[count++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / callsPerSample;
        }
        return Measurement.Of($"{name} (per call: {count:N0} samples × {callsPerSample:N0} calls)", means[..count], Stopwatch.GetElapsedTime(started));
    }
}
