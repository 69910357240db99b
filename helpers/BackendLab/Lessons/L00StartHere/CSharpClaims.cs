using System.Globalization;

namespace BackendLab.Lessons.L00StartHere;

/// <summary>
/// The statements lesson 0's "C# you need" cells make about what they measured, generated from the numbers and checked.
/// Conditions are bounds with wide margins, so they hold on 1 to 16 cores, idle or busy; the tests feed them synthetic runs.
/// </summary>
public static class CSharpClaims
{
    /// <summary>The most that waits run together (<c>Task.WhenAll</c>) may take, as a share of the same waits one after the other.</summary>
    public const double OverlapShare = 0.75;

    /// <summary>
    /// Two waits of <paramref name="each"/>, awaited one after the other (<paramref name="oneAfterTheOther"/>), then started together and
    /// awaited with <c>Task.WhenAll</c> (<paramref name="together"/>): the sequential pair takes at least both waits (5 % allowed for a
    /// timer firing a little early), and together they take under three quarters of that.
    /// </summary>
    public static Claim WaitsOverlap(TimeSpan each, TimeSpan oneAfterTheOther, TimeSpan together, MachineLoad? load = null) =>
        Claim.All(
            ($"one after the other, two waits of {Ms(each)} took {Ms(oneAfterTheOther)}: both waits, end to end", (oneAfterTheOther >= 2 * 0.95 * each)),
            ($"started together, Task.WhenAll finished both in {Ms(together)}, under {OverlapShare:P0} of {Ms(oneAfterTheOther)}: the waits overlapped",
                (together < OverlapShare * oneAfterTheOther)))
        .On(Environment.ProcessorCount, load);

    /// <summary>
    /// <paramref name="visits"/> concurrent visits counted two ways: read-then-write (<paramref name="readThenWrite"/>) and
    /// <c>Interlocked.Increment</c> (<paramref name="interlocked"/>). Interlocked counts every one; read-then-write never counts more.
    /// </summary>
    public static Claim CountsEveryVisit(int visits, int readThenWrite, int interlocked) =>
        Claim.All(
            ($"Interlocked.Increment counted all {visits} visits: {interlocked}", (interlocked == visits)),
            ($"read-then-write counted {readThenWrite}: {visits - readThenWrite} visit(s) lost", (readThenWrite <= visits)))
        .On(Environment.ProcessorCount);

    static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("#,0", CultureInfo.InvariantCulture) + " ms";
}
