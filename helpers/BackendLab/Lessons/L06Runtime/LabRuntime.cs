using System.Globalization;
using System.Net.Http;
using System.Net.Http.Json;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// What lesson 6 reads from a <see cref="LabProcess"/> besides its <c>/stats</c>: the sampler's timeline, the JIT report and the garbage collector's.
/// <code>var samples = await lab.GetSamplesAsync(sinceMs: 0);
/// var jit = await lab.GetJitReportAsync();
/// var gc = await lab.GetGcSnapshotAsync();</code>
/// </summary>
public static class LabRuntime
{
    static readonly HttpClient Client = new(new LoopbackHandler()) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The samples the server took after <paramref name="sinceMs"/> (milliseconds since it started), plus one taken now.</summary>
    public static async Task<IReadOnlyList<RuntimeSample>> GetSamplesAsync(this LabProcess lab, double sinceMs = 0)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var url = $"{lab.Url}/runtime/samples?since={sinceMs.ToString(CultureInfo.InvariantCulture)}";
        return await Client.GetFromJsonAsync<List<RuntimeSample>>(url) ?? [];
    }

    /// <summary>The server's "now" on its own clock, in milliseconds since it started.</summary>
    public static async Task<double> GetServerTimeAsync(this LabProcess lab) => (await lab.GetSamplesAsync(1e12))[^1].Ms;

    /// <summary>
    /// The server's garbage collector: its settings and, from the runtime's GC events, the heaps each collection used since
    /// the first call (which starts the server listening to those events).
    /// </summary>
    public static async Task<GcSnapshot> GetGcSnapshotAsync(this LabProcess lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return await Client.GetFromJsonAsync<GcSnapshot>($"{lab.Url}/runtime/gc") ?? throw new InvalidOperationException("Empty /runtime/gc response.");
    }

    /// <summary>JIT work at start-up and after each of the server's first 20 requests.</summary>
    public static async Task<JitReport> GetJitReportAsync(this LabProcess lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return await Client.GetFromJsonAsync<JitReport>($"{lab.Url}/runtime/jit") ?? throw new InvalidOperationException("Empty /runtime/jit response.");
    }
}
