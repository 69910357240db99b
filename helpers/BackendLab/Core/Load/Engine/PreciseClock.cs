using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BackendLab.LoadEngine;

/// <summary>
/// Sleeps until a Stopwatch timestamp with sub-millisecond precision, for the open-loop schedule.
/// Task.Delay and timers are too coarse (milliseconds, often more on Linux); Thread.Sleep takes whole milliseconds.
/// On Linux the thread sleeps in clock_nanosleep on the same monotonic clock Stopwatch reads (about 60 µs late at most);
/// elsewhere it sleeps whole milliseconds, then spins briefly.
/// </summary>
internal static class PreciseClock
{
    const int ClockMonotonic = 1, TimerAbsolute = 1;
    static readonly bool UseNanosleep = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    static extern int ClockNanosleep(int clock, int flags, in TimeSpec request, IntPtr remaining);

    /// <summary>Returns when <see cref="Stopwatch.GetTimestamp"/> has reached <paramref name="timestamp"/>.</summary>
    public static void SleepUntil(long timestamp)
    {
        if (Stopwatch.GetTimestamp() >= timestamp) return;
        if (UseNanosleep)
        {
            var at = new TimeSpec { Seconds = timestamp / 1_000_000_000, Nanoseconds = timestamp % 1_000_000_000 };
            while (ClockNanosleep(ClockMonotonic, TimerAbsolute, at, IntPtr.Zero) != 0 && Stopwatch.GetTimestamp() < timestamp) { }
            return;
        }
        long remaining;
        while ((remaining = timestamp - Stopwatch.GetTimestamp()) > Stopwatch.Frequency / 500)
            Thread.Sleep(TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency - 0.001));
        var spin = new SpinWait();
        while (Stopwatch.GetTimestamp() < timestamp) spin.SpinOnce(sleep1Threshold: -1);
    }
}
