using System.Globalization;

namespace BackendLab.Lessons.L01BackendBasics;

/// <summary>
/// The statements lesson 1 makes about its measurements, generated from the measured numbers and checked. Every
/// condition is a ratio or a bound with a wide margin, so it holds on 1 to 16 cores, idle or busy (a busy machine makes a
/// request slower, which only widens the gaps these statements rely on); the overloads taking plain numbers are what the
/// tests feed.
/// </summary>
public static class BasicsClaims
{
    /// <summary>The least factor between a request and a direct call (measured: over 1,000 on every machine tried).</summary>
    public const double MinFactor = 100;
    /// <summary>The largest share of a request the server's pipeline may take for "most of it was the trip".</summary>
    public const double MaxServerShare = 0.5;
    /// <summary>How many times the slowest endpoint's median must exceed every other's.</summary>
    public const double SlowestMargin = 2;

    /// <summary>Part 1: a direct call is sub-microsecond, a request over 100× it, and most of a request is the trip.</summary>
    public static Claim CallVsRequest(BoundaryCost cost, MachineLoad? load = null) =>
        CallVsRequest(cost.CallMicroseconds, cost.RequestMicroseconds, cost.ServerMicroseconds, Environment.ProcessorCount, load);

    /// <inheritdoc cref="CallVsRequest(BoundaryCost, MachineLoad?)"/>
    public static Claim CallVsRequest(double callUs, double requestUs, double serverUs, int cores, MachineLoad? load = null)
    {
        var factor = requestUs / Math.Max(callUs, 1e-6);
        return Claim.All(
            ($"a direct call of Price took {U(callUs)} (median): under a microsecond", (callUs < 1)),
            ($"a request for the same price took {U(requestUs)}, over {MinFactor:0}× the call: {N(factor)}×", (factor > MinFactor)),
            ($"the server's pipeline spent {U(serverUs)} on such a request (its log's median), under half of the {U(requestUs)} the client waited: the rest was the trip",
                (serverUs < MaxServerShare * requestUs)))
            .On(cores, load);
    }

    /// <summary>Part 2: the endpoint that adds up every sale is the slowest, over 2× each other endpoint (medians).</summary>
    public static Claim SlowestEndpoint(IReadOnlyList<Measurement> timings, string slowest, MachineLoad? load = null) =>
        SlowestEndpoint([.. timings.Select(t => (t.Name, t.PercentileNanoseconds(50) / 1000))], slowest, Environment.ProcessorCount, load);

    /// <inheritdoc cref="SlowestEndpoint(IReadOnlyList{Measurement}, string, MachineLoad?)"/>
    public static Claim SlowestEndpoint(IReadOnlyList<(string Name, double MedianUs)> medians, string slowest, int cores, MachineLoad? load = null)
    {
        var it = medians.Single(m => m.Name == slowest);
        var others = medians.Where(m => m.Name != slowest).ToList();
        return Claim.That(
            $"{slowest} was the slowest, its median {U(it.MedianUs)} over {SlowestMargin:0}× each other endpoint's ({string.Join(", ", others.Select(o => $"{o.Name} {U(o.MedianUs)}"))})",
            others.All(o => it.MedianUs > SlowestMargin * o.MedianUs))
            .On(cores, load);
    }

    static string U(double microseconds) => BoundaryCost.Us(microseconds);

    static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
