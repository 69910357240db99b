using System.Globalization;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// The statements lesson 4 makes about its streaming measurement, generated from the measured numbers and checked. Each
/// condition is a ratio of two times measured on the same machine in the same minute, so it holds on 1 to 16 cores, idle
/// or busy; the overload taking plain numbers is what the tests feed.
/// </summary>
public static class ResponseClaims
{
    /// <summary>The streamed response's first byte must come at least this many times sooner than the buffered one's.</summary>
    public const double StreamedSooner = 2;
    /// <summary>How far apart the two last bytes may be, as a share of the buffered response's total.</summary>
    public const double SameTotal = 0.3;

    /// <summary>Streaming against buffering: the first byte much sooner, the last byte at about the same time, the buffered body all at the end.</summary>
    public static Claim Streaming(StreamTiming buffered, StreamTiming streamed, int cores, MachineLoad? load = null)
    {
        ArgumentNullException.ThrowIfNull(buffered);
        ArgumentNullException.ThrowIfNull(streamed);
        return Streaming(buffered.FirstByteMs, buffered.TotalMs, streamed.FirstByteMs, streamed.TotalMs, streamed.Arrivals.Count, cores, load);
    }

    /// <inheritdoc cref="Streaming(StreamTiming, StreamTiming, int, MachineLoad?)"/>
    public static Claim Streaming(double bufferedFirstMs, double bufferedTotalMs, double streamedFirstMs, double streamedTotalMs, int streamedChunks,
        int cores, MachineLoad? load = null) =>
        Claim.All(
            ($"the streamed response's first byte came {N(bufferedFirstMs / Math.Max(streamedFirstMs, 0.001))}× sooner than the buffered one's ({N(streamedFirstMs)} ms against {N(bufferedFirstMs)} ms; at least {StreamedSooner}× expected)",
                streamedFirstMs * StreamedSooner <= bufferedFirstMs),
            ($"both finished at about the same time: last byte at {N(streamedTotalMs)} ms streamed, {N(bufferedTotalMs)} ms buffered (within {SameTotal:P0})",
                Math.Abs(streamedTotalMs - bufferedTotalMs) <= SameTotal * bufferedTotalMs),
            ($"the buffered body's first byte came with its last ({N(bufferedFirstMs)} of {N(bufferedTotalMs)} ms), the streamed one arrived in {streamedChunks} pieces",
                bufferedFirstMs >= (1 - SameTotal / 3) * bufferedTotalMs && streamedChunks >= 3))
        .On(cores, load);

    static string N(double v) => v.ToString(v >= 10 ? "#,0" : "0.0", CultureInfo.InvariantCulture);
}
