using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Encodings.Web;

namespace BackendLab;

/// <summary>
/// The lab server running in its OWN process on 127.0.0.1, so a load run from the notebook does not share the
/// server's thread pool, CPU accounting or garbage collector. Endpoints: <c>/plaintext</c>, <c>/delay?ms=20</c> (async wait),
/// <c>/block?ms=20</c> (Thread.Sleep), <c>/cpu?ms=5</c> (computes until its thread has used 5 ms of CPU time), <c>/stall?ms=300</c> (stalls 300 ms every second), <c>/stats</c>.
/// <code>var lab = await LabProcess.StartAsync();  // re-running the cell replaces the previous one
/// var r = await Load.RunAsync(lab.Url + "/delay?ms=20", concurrency: 64);</code>
/// The child exits when this handle is disposed, when the notebook's process exits, or if it is killed.
/// </summary>
public sealed class LabProcess : ServerHandle
{
    static readonly ConcurrentDictionary<LabProcess, byte> _alive = new();
    static LabProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => { foreach (var p in _alive.Keys) p.Kill(); };

    readonly Process _process;

    LabProcess(string name, Process process, Uri baseAddress, CoreBudget? budget) : base(name, baseAddress)
    {
        _process = process;
        _budget = budget;
        _alive[this] = 0;
    }

    /// <summary>The server process's id (look it up in <c>top</c> or <c>ps</c>).</summary>
    public int ProcessId => _process.Id;
    /// <summary>True once the server process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The cores the server process may run on, as the operating system reports them now (on Linux over all its
    /// threads); where it cannot say (macOS), the budget's count, else this machine's <see cref="Environment.ProcessorCount"/>.
    /// Sentences about the server's cores are generated from this number.
    /// </summary>
    public int Cores => (HasExited ? null : CoreBudget.CoresOf(ProcessId)) ?? _budget?.Count ?? Environment.ProcessorCount;

    readonly CoreBudget? _budget;

    /// <summary>
    /// Starts the lab server as a child process (replacing any server already running under <paramref name="name"/>)
    /// and waits until it listens.
    /// </summary>
    /// <param name="name">A name for re-running: a second start under the same name stops the first. Default "lab".</param>
    /// <param name="options">Thread-pool and GC settings for the server process. Default: none changed.</param>
    public static Task<LabProcess> StartAsync(string name = "lab", LabProcessOptions? options = null) =>
        Servers.StartAsync(name, () => LaunchAsync(name, options ?? new()));

    /// <summary>Starts a lab server that is not listed in <see cref="Servers"/> (BackendLab's own helper processes, e.g. the load generator).</summary>
    internal static Task<LabProcess> StartUnlistedAsync(string name, LabProcessOptions? options = null) => LaunchAsync(name, options ?? new());

    static async Task<LabProcess> LaunchAsync(string name, LabProcessOptions options)
    {
        var start = new ProcessStartInfo(LabServerFiles.Dotnet())
        {
            RedirectStandardInput = true,   // the child exits when this pipe closes (we died or disposed it)
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments(options)) start.ArgumentList.Add(arg);
        if (options.ServerGc) start.Environment["DOTNET_gcServer"] = "1";
        options.Budget?.ApplyTo(start);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the lab server process.");
        try
        {
            options.Budget?.Pin(process.Id);  // early, so the threads it starts next inherit the cores
            var address = await ReadAddressAsync(process, options.StartTimeout);
            options.Budget?.Pin(process.Id);  // again: every thread that existed before the first pin is caught now
            return new LabProcess(name, process, address, options.Budget);
        }
        catch
        {
            KillProcess(process);
            throw;
        }
    }

    static IEnumerable<string> Arguments(LabProcessOptions options)
    {
        yield return LabServerFiles.ServerDll();
        yield return LabServerProtocol.PortOption; yield return "0";
        yield return LabServerProtocol.ParentPidOption; yield return Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (options.MinThreads is int min) { yield return LabServerProtocol.MinThreadsOption; yield return min.ToString(CultureInfo.InvariantCulture); }
        if (options.MaxThreads is int max) { yield return LabServerProtocol.MaxThreadsOption; yield return max.ToString(CultureInfo.InvariantCulture); }
    }

    // The server prints "LABSERVER LISTENING http://127.0.0.1:PORT" once it listens.
    static async Task<Uri> ReadAddressAsync(Process process, TimeSpan timeout)
    {
        const string prefix = LabServerProtocol.ListeningPrefix;
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (!line.StartsWith(prefix, StringComparison.Ordinal)) continue;
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null); // keep draining
                return Loopback.Require(line[prefix.Length..].Trim());
            }
        }
        catch (OperationCanceledException) { throw new TimeoutException($"The lab server did not start within {timeout.TotalSeconds:0} s."); }
        throw new InvalidOperationException($"The lab server exited before listening: {await errors}");
    }

    /// <summary>Asks the server for its <c>/stats</c>: thread-pool threads, queued work items, CPU time, GC counts, process id.</summary>
    public async Task<LabServerStats> GetStatsAsync() =>
        await Client.GetFromJsonAsync<LabServerStats>(LabServerProtocol.StatsPath) ?? throw new InvalidOperationException("Empty /stats response.");

    /// <summary>Closes the server process's stdin, kills it if it has not exited within 2 s, and waits until it is gone.</summary>
    protected override async Task StopServerAsync()
    {
        _alive.TryRemove(this, out _);
        if (_process.HasExited) return;
        try { _process.StandardInput.Close(); } catch (IOException) { }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { Kill(); await _process.WaitForExitAsync(); }
    }

    void Kill() => KillProcess(_process);

    static void KillProcess(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    /// <inheritdoc/>
    protected override string Kind => "lab server, its own process";

    /// <inheritdoc/>
    protected override string Activity => $"process {ProcessId}{(HasExited ? ", exited" : "")}";

    /// <summary>One line: name, address and process id.</summary>
    public override string ToString() => $"lab server '{Name}' at {Url} (process {ProcessId}{(HasExited ? ", exited" : "")})";

    /// <inheritdoc/>
    public override void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write($"<div style=\"{Html.Font}\">🧪 {Html.Encode(ToString())}</div>");
}
