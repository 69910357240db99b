using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace BackendLab.Lessons.L06bFastApi;

/// <summary>
/// The FastAPI twin (<c>helpers/fastapi-twin/app.py</c>) on uvicorn, in its own processes on 127.0.0.1: one process with
/// one worker, or a master plus <c>workers</c> worker processes. A server like any other (<see cref="ServerHandle"/>):
/// listed in <see cref="Servers"/>, replaced when a server of any kind is started under its name, stopped by
/// <see cref="Servers.StopAllAsync"/>, and ended when this process ends (the master watches its stdin and its parent;
/// each worker watches its master). Shows as the card every server has.
/// <code>var py = await FastApiServer.StartAsync("py", FastApiSetup.Find(), workers: 2);</code>
/// </summary>
public sealed class FastApiServer : ServerHandle
{
    static readonly ConcurrentDictionary<FastApiServer, byte> _alive = new();
    static FastApiServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => { foreach (var s in _alive.Keys) s.Kill(); };

    readonly Process _master;

    FastApiServer(string name, Process master, Uri baseAddress, IReadOnlyList<int> workerIds, int workers) : base(name, baseAddress)
    {
        (_master, WorkerProcessIds, Workers) = (master, workerIds, workers);
        _alive[this] = 0;
    }

    /// <summary>uvicorn worker processes: 1 means the master serves requests itself.</summary>
    public int Workers { get; }
    /// <summary>The process started (uvicorn's master when <see cref="Workers"/> &gt; 1).</summary>
    public int ProcessId => _master.Id;
    /// <summary>The processes that serve requests (the master itself when there is one worker).</summary>
    public IReadOnlyList<int> WorkerProcessIds { get; }
    /// <summary>Every process of this server: the master, then its workers (each once).</summary>
    public IReadOnlyList<int> ProcessIds => new[] { ProcessId }.Concat(WorkerProcessIds).Distinct().ToList();
    /// <summary>True once the master process has ended.</summary>
    public bool HasExited => _master.HasExited;

    /// <summary>The command line <see cref="StartAsync"/> runs (the interpreter, then its arguments).</summary>
    internal static ProcessStartInfo StartInfo(string interpreter, int workers, int parentPid)
    {
        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardInput = true,   // the master exits, with its workers, when this pipe closes
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { FastApiTwinFiles.ServeScript(), "--port", "0", "--workers", workers.ToString(CultureInfo.InvariantCulture),
                     "--parent-pid", parentPid.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1"; // no __pycache__ in the repository
        start.Environment["PYTHONUNBUFFERED"] = "1";
        return start;
    }

    /// <summary>
    /// Starts the twin (replacing any server running under <paramref name="name"/>, whatever its kind) and waits until
    /// every worker serves.
    /// </summary>
    /// <param name="name">A name for re-running: a second start under the same name stops the first.</param>
    /// <param name="python">The interpreter found by <see cref="FastApiSetup.Find"/>; it must be available.</param>
    /// <param name="workers">uvicorn worker processes. Default 1.</param>
    /// <param name="budget">Cores to pin every process to, or null for no pinning. Default null.</param>
    public static Task<FastApiServer> StartAsync(string name, FastApiSetup python, int workers = 1, CoreBudget? budget = null)
    {
        if (!python.IsAvailable) throw new InvalidOperationException($"FastAPI is not available: {python.Problem}. Install: {FastApiSetup.InstallHint}");
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return Servers.StartAsync(name, () => LaunchAsync(name, python.Interpreter!, workers, budget));
    }

    static async Task<FastApiServer> LaunchAsync(string name, string interpreter, int workers, CoreBudget? budget)
    {
        var process = Process.Start(StartInfo(interpreter, workers, Environment.ProcessId))
            ?? throw new InvalidOperationException("Could not start Python.");
        try
        {
            if (budget is not null) budget.Pin(process.Id); // before uvicorn spawns its workers, when we are quick enough
            var (address, workerIds) = await ReadReadyAsync(process, workers, TimeSpan.FromSeconds(30));
            var server = new FastApiServer(name, process, new Uri(address + "/"), workerIds, workers);
            if (budget is not null) foreach (var pid in server.ProcessIds) budget.Pin(pid);
            return server;
        }
        catch
        {
            KillProcess(process);
            throw;
        }
    }

    // serve.py prints "FASTAPI LISTENING http://127.0.0.1:PORT", then "FASTAPI WORKER <pid>" once per serving process.
    internal static async Task<(string Address, List<int> Workers)> ReadReadyAsync(Process process, int workers, TimeSpan timeout)
    {
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        string? address = null;
        var ids = new List<int>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.StartsWith("FASTAPI LISTENING ", StringComparison.Ordinal))
                    address = Loopback.Require(line["FASTAPI LISTENING ".Length..].Trim()).GetLeftPart(UriPartial.Authority);
                else
                    ids.AddRange(System.Text.RegularExpressions.Regex.Matches(line, @"FASTAPI WORKER (\d+)")
                        .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
                if (address is not null && ids.Count == workers)
                {
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null); // keep draining
                    return (address, ids);
                }
            }
        }
        catch (OperationCanceledException) { throw new TimeoutException($"The FastAPI server did not start within {timeout.TotalSeconds:0} s."); }
        throw new InvalidOperationException($"The FastAPI server exited before serving: {await errors}");
    }

    /// <summary>Closes the master's stdin (it ends its workers and exits), kills what is left after 2 s, and waits.</summary>
    protected override async Task StopServerAsync()
    {
        _alive.TryRemove(this, out _);
        if (!_master.HasExited)
        {
            try { _master.StandardInput.Close(); } catch (IOException) { }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try { await _master.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { Kill(); await _master.WaitForExitAsync(); }
        }
        foreach (var pid in WorkerProcessIds) KillPid(pid); // a worker whose master was killed before it could end it
    }

    void Kill()
    {
        KillProcess(_master);
        foreach (var pid in WorkerProcessIds) KillPid(pid);
    }

    static void KillProcess(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    static void KillPid(int pid)
    {
        try { using var p = Process.GetProcessById(pid); p.Kill(); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
    }

    /// <inheritdoc/>
    protected override string Kind => "FastAPI on uvicorn";

    /// <inheritdoc/>
    protected override string Activity =>
        $"{Workers} worker{(Workers == 1 ? "" : "s")}, processes {string.Join(", ", ProcessIds)}{(HasExited ? ", exited" : "")}";

    /// <summary>One line: name, workers, address and process ids.</summary>
    public override string ToString() =>
        $"FastAPI server '{Name}' at {Url}: uvicorn, {Workers} worker{(Workers == 1 ? "" : "s")} (processes {string.Join(", ", ProcessIds)}{(HasExited ? ", exited" : "")})";
}
