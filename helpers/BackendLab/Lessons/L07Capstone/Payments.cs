using System.Collections.Concurrent;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// BackendLab's stand-in for a payment provider (lesson 7, step 6): every charge is a network call that answers after
/// <see cref="Delay"/> (100 ms). Like many real SDKs it offers an asynchronous call, <see cref="ChargeAsync"/>, and a
/// blocking one, <see cref="Charge"/>, which holds its thread for the whole wait.
/// </summary>
public static class Payments
{
    static readonly ConcurrentDictionary<long, int> Charged = new();

    /// <summary>How long the provider takes to answer: 100 ms.</summary>
    public static TimeSpan Delay { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Charges the card for <paramref name="seats"/> seats of event <paramref name="eventId"/>; completes after <see cref="Delay"/>, holding no thread meanwhile.</summary>
    public static async Task ChargeAsync(long eventId, int seats)
    {
        await Task.Delay(Delay);
        Charged.AddOrUpdate(eventId, seats, (_, n) => n + seats);
    }

    /// <summary>The blocking call: the same charge, but the calling thread sleeps for <see cref="Delay"/> (<c>Thread.Sleep</c>).</summary>
    public static void Charge(long eventId, int seats)
    {
        Thread.Sleep(Delay);
        Charged.AddOrUpdate(eventId, seats, (_, n) => n + seats);
    }

    /// <summary>Seats charged so far for event <paramref name="eventId"/>.</summary>
    public static int ChargedFor(long eventId) => Charged.GetValueOrDefault(eventId);
}
