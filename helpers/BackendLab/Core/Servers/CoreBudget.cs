using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// The cores a lesson's servers may use: <c>min(requested, cores this process may use)</c>, minus one left to the load
/// generator when there are two or more. Each server process is pinned to these cores (CPU affinity on Linux and Windows;
/// a .NET server also gets <c>DOTNET_PROCESSOR_COUNT</c>), and <see cref="CoresOf"/> reads back what a process really got,
/// so every sentence about cores can be generated from a measured number.
/// <code>var budget = CoreBudget.ForServers(requested: 4);   // on 2 cores: 1 for the servers, 1 for the load generator</code>
/// </summary>
public sealed class CoreBudget : IHtmlContent
{
    CoreBudget(int requested, IReadOnlyList<int> usable, IReadOnlyList<int> cores, bool leftOne)
    {
        (Requested, UsableCores, Cores, LeavesOneForLoadGenerator) = (requested, usable, cores, leftOne);
    }

    /// <summary>The number of cores asked for.</summary>
    public int Requested { get; }
    /// <summary>The cores this process may use (its CPU affinity, capped by <see cref="Environment.ProcessorCount"/>, which also counts container limits).</summary>
    public IReadOnlyList<int> UsableCores { get; }
    /// <summary>The cores given to the servers (ids as the operating system numbers them).</summary>
    public IReadOnlyList<int> Cores { get; }
    /// <summary>The number of cores given to the servers: at least 1.</summary>
    public int Count => Cores.Count;
    /// <summary>True when a core was kept out of the budget for the load generator (this process had two or more).</summary>
    public bool LeavesOneForLoadGenerator { get; }
    /// <summary>True when the servers' cores are also the load generator's (this process may use only one core).</summary>
    public bool SharedWithLoadGenerator => !LeavesOneForLoadGenerator;

    /// <summary>
    /// A budget of <c>min(<paramref name="requested"/>, usable cores)</c> for servers. With <paramref name="leaveOneForLoadGenerator"/>
    /// (the default) and two or more usable cores, the last core is kept for the load generator, which needs CPU too.
    /// </summary>
    /// <param name="requested">Cores wanted for the servers (at least 1).</param>
    /// <param name="leaveOneForLoadGenerator">Keep one usable core out of the budget when there are 2 or more. Default: true.</param>
    public static CoreBudget ForServers(int requested, bool leaveOneForLoadGenerator = true) =>
        From(requested, UsableCoresOfThisProcess(), leaveOneForLoadGenerator);

    /// <summary>The same rule as <see cref="ForServers"/>, for a given list of usable cores (tests, or another machine's numbers).</summary>
    public static CoreBudget From(int requested, IReadOnlyList<int> usableCores, bool leaveOneForLoadGenerator = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requested, 1);
        if (usableCores.Count == 0) throw new ArgumentException("At least one usable core is needed.", nameof(usableCores));
        var leave = leaveOneForLoadGenerator && usableCores.Count >= 2;
        var available = usableCores.Count - (leave ? 1 : 0);
        // Servers take the first cores; the generator (not pinned) keeps the last one mostly to itself.
        var cores = usableCores.Take(Math.Min(requested, available)).ToList();
        return new CoreBudget(requested, usableCores, cores, leave);
    }

    /// <summary>Gives a .NET child process the budget's core count (<c>DOTNET_PROCESSOR_COUNT</c>: thread-pool size, GC heaps).</summary>
    public void ApplyTo(ProcessStartInfo start) =>
        start.Environment["DOTNET_PROCESSOR_COUNT"] = Count.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Pins process <paramref name="pid"/> (every thread it has now; threads it creates later inherit) to <see cref="Cores"/>,
    /// then returns the number of cores it really got, or null where CPU affinity cannot be set (macOS).
    /// </summary>
    public int? Pin(int pid)
    {
        if (OperatingSystem.IsLinux()) ThreadAffinity.PinProcess(pid, Cores);
        else if (OperatingSystem.IsWindows())
        {
            using var process = Process.GetProcessById(pid);
            process.ProcessorAffinity = (nint)Cores.Aggregate(0L, (mask, core) => mask | 1L << core);
        }
        return CoresOf(pid);
    }

    /// <summary>
    /// The cores process <paramref name="pid"/> may run on: on Linux the union over all its threads, so a thread left
    /// unpinned shows; null where the system does not say (macOS).
    /// </summary>
    public static int? CoresOf(int pid)
    {
        if (OperatingSystem.IsLinux()) return ThreadAffinity.CoresOfProcess(pid).Count;
        if (!OperatingSystem.IsWindows()) return null;
        using var process = Process.GetProcessById(pid);
        return System.Numerics.BitOperations.PopCount((ulong)(long)process.ProcessorAffinity);
    }

    static IReadOnlyList<int> UsableCoresOfThisProcess()
    {
        var max = Environment.ProcessorCount; // counts affinity and container CPU limits
        IEnumerable<int> ids = Enumerable.Range(0, max);
        if (OperatingSystem.IsLinux()) ids = ThreadAffinity.CoresOfProcess(Environment.ProcessId);
        else if (OperatingSystem.IsWindows())
        {
            var mask = (ulong)(long)Process.GetCurrentProcess().ProcessorAffinity;
            ids = Enumerable.Range(0, 64).Where(i => (mask >> i & 1) == 1);
        }
        var list = ids.Take(max).ToList();
        return list.Count > 0 ? list : [0];
    }

    /// <summary>One sentence, e.g. <c>servers: 1 core (core 0) of the 2 this notebook may use; 1 left for the load generator</c>.</summary>
    public override string ToString()
    {
        var cores = Count == 1 ? $"1 core (core {Cores[0]})" : $"{Count} cores (cores {string.Join(", ", Cores)})";
        var of = $"of the {UsableCores.Count} this notebook may use";
        var rest = LeavesOneForLoadGenerator
            ? $"; {UsableCores.Count - Count} left for the load generator"
            : "; the load generator shares it";
        return $"servers: {cores} {of} (asked for {Requested}){rest}";
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write($"<div style=\"{Html.Font}\">🧮 {Html.Encode(ToString())}</div>");
}
