using System.Globalization;

namespace BackendLab;

/// <summary>
/// How busy the machine was with <em>other</em> programs while a measurement ran: start it before the measurement, stop it
/// after, and give it to a <see cref="Claim"/>, whose failure view then says whether other programs competed for the cores.
/// <code>var load = MachineLoad.Start();
/// var sweep = await Load.SweepAsync(server.Url + "/hello", concurrencies: [1, 8]);
/// load.Stop();                        // load.OtherCores: e.g. 1.8 cores kept busy by other programs</code>
/// "Other" means every process outside this one and the processes it started (the lab servers): on Linux, the machine's
/// busy time (<c>/proc/stat</c>) minus this process tree's CPU time (<c>/proc/&lt;pid&gt;/stat</c>). On macOS and Windows the
/// figure is unknown (null). Introduced in lesson 6.
/// </summary>
public sealed class MachineLoad
{
    readonly ProcCpu.Snapshot? _start;
    readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    MachineLoad(ProcCpu.Snapshot? start) => _start = start;

    /// <summary>Starts measuring. Never throws: where the system does not say, the result is simply unknown.</summary>
    public static MachineLoad Start() => new(ProcCpu.TryRead());

    /// <summary>A load of known size, for tests and for reasoning about machines we do not have.</summary>
    /// <param name="otherCores">Cores' worth of CPU that other programs used (e.g. 2.0: two cores kept busy), or null for unknown.</param>
    /// <param name="machineCores">Cores on the machine.</param>
    public static MachineLoad Known(double? otherCores, int machineCores) =>
        new(null) { OtherCores = otherCores, MachineCores = machineCores, IsStopped = true };

    /// <summary>True once <see cref="Stop"/> was called.</summary>
    public bool IsStopped { get; private set; }

    /// <summary>The measured interval: from <see cref="Start"/> to <see cref="Stop"/>.</summary>
    public TimeSpan Interval { get; private set; }

    /// <summary>Cores on the machine, as the operating system counts them (all of them, not only those this process may use).</summary>
    public int MachineCores { get; private set; } = Environment.ProcessorCount;

    /// <summary>
    /// CPU used by other programs during the interval, in cores: 0 on an idle machine, 2.0 when other programs kept two
    /// cores busy the whole time. Null before <see cref="Stop"/>, and where the system does not say (macOS, Windows).
    /// </summary>
    public double? OtherCores { get; private set; }

    /// <summary><see cref="OtherCores"/> as a fraction of <see cref="MachineCores"/>, from 0 (idle) to 1 (every core busy with other programs); null when unknown.</summary>
    public double? BusyFraction => OtherCores is { } c && MachineCores > 0 ? Math.Clamp(c / MachineCores, 0, 1) : null;

    /// <summary>True when other programs used at least a quarter of a core on average: enough to slow a CPU-bound measurement.</summary>
    public bool IsBusy => OtherCores >= 0.25;

    /// <summary>Ends the interval and computes <see cref="OtherCores"/>. A second call does nothing.</summary>
    public MachineLoad Stop()
    {
        if (IsStopped) return this;
        IsStopped = true;
        Interval = DateTimeOffset.UtcNow - _started;
        if (_start is null || ProcCpu.TryRead() is not { } end) return this;
        MachineCores = end.MachineCores;
        OtherCores = ProcCpu.OtherCores(_start, end);
        return this;
    }

    /// <summary>One sentence for a claim's reasons, e.g. <c>other programs kept 1.8 of the machine's 2 cores busy (90 %) during the measurement</c>.</summary>
    public override string ToString() =>
        !IsStopped ? "the machine's load was not measured (the sampler was never stopped)"
        : OtherCores is not { } c ? "how busy other programs kept the machine is unknown (the operating system does not say, outside Linux)"
        : string.Create(CultureInfo.InvariantCulture,
            $"other programs kept {c:0.0} of the machine's {MachineCores} cores busy ({BusyFraction:P0}) during the measurement{(IsBusy ? ": they competed with the servers for CPU" : ": the machine was otherwise quiet")}");
}
