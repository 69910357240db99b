using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Events;

namespace CourseRunner.Kernel;

/// <summary>
/// One <c>dotnet-interactive stdio</c> process and the JSON-lines protocol VS Code speaks with it: one
/// <see cref="KernelCommandEnvelope"/> per line on its stdin, <see cref="KernelEventEnvelope"/>s on its stdout
/// (both serialized by the kernel's own library). The process tree is always ended by <see cref="DisposeAsync"/>:
/// the kernel and whatever it started (lesson servers, lab processes).
/// </summary>
internal sealed class KernelConnection : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<KernelEvent> _events = Channel.CreateUnbounded<KernelEvent>(new() { SingleReader = true });
    private readonly StringBuilder _stderrTail = new();
    private readonly Task _pump;
    private int _ended;

    private KernelConnection(Process process)
    {
        _process = process;
        LiveKernels.Add(this);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderrTail)
            {
                _stderrTail.AppendLine(e.Data);
                if (_stderrTail.Length > 8000) _stderrTail.Remove(0, _stderrTail.Length - 8000);
            }
        };
        process.BeginErrorReadLine();
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>The kernel's events in the order it wrote them; completes when its stdout closes (the process ended).</summary>
    public ChannelReader<KernelEvent> Events => _events.Reader;

    public int ProcessId => _process.Id;

    /// <summary>How long the process took to say <see cref="KernelReady"/>.</summary>
    public TimeSpan StartTime { get; private set; }

    private int? _exitCode;

    /// <summary>The process's exit code once it has ended, else null. Still known after <see cref="DisposeAsync"/>
    /// (the failure messages read it then), because <see cref="DisposeAsync"/> reads it before letting the process go.</summary>
    public int? ExitCode
    {
        get
        {
            if (_exitCode is null)
            {
                try { if (_process.HasExited) _exitCode = _process.ExitCode; }
                catch (InvalidOperationException) { } // already disposed and never seen ending: unknown
            }
            return _exitCode;
        }
    }

    /// <summary>The last lines the kernel wrote to stderr (for a failure message).</summary>
    public string StderrTail
    {
        get { lock (_stderrTail) return _stderrTail.ToString().Trim(); }
    }

    /// <summary>Starts the pinned kernel with <paramref name="workingDirectory"/> as its current directory and waits until it is ready.</summary>
    public static async Task<KernelConnection> StartAsync(KernelTool tool, string workingDirectory, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(tool.StartInfo(workingDirectory))!;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new KernelUnavailableException($"Could not start the kernel (`dotnet tool run {KernelTool.CommandName}`): {e.Message}");
        }
        var connection = new KernelConnection(process);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await connection.Events.WaitToReadAsync(deadline.Token))
                while (connection.Events.TryRead(out var e))
                    if (e is KernelReady)
                    {
                        connection.StartTime = clock.Elapsed;
                        return connection;
                    }
        }
        catch (OperationCanceledException)
        {
            await connection.DisposeAsync();
            throw new KernelUnavailableException($"The kernel did not report ready within {timeout.TotalSeconds:0} s.\n{connection.StderrTail}");
        }
        await connection.DisposeAsync();
        throw new KernelUnavailableException(
            $"The kernel process ended (exit code {connection.ExitCode}) before it was ready. If the tool is missing, run `dotnet tool restore`.\n{connection.StderrTail}");
    }

    /// <summary>How long the warm-up submission took (see <see cref="StartWarmAsync"/>).</summary>
    public TimeSpan WarmUpTime { get; private set; }

    /// <summary>
    /// Starts a kernel and warms it: one empty <see cref="SubmitCode"/>, which makes the kernel submit its own first
    /// cell (<c>using static Microsoft.DotNet.Interactive.Kernel;</c>) and load its compiler, as the first cell of any
    /// notebook would. An empty submission defines nothing and shows nothing. The runner starts the next notebook's
    /// kernel this way while the current notebook runs, so kernel start-up is off the critical path.
    /// </summary>
    public static async Task<KernelConnection> StartWarmAsync(KernelTool tool, string workingDirectory, TimeSpan timeout)
    {
        var connection = await StartAsync(tool, workingDirectory, timeout);
        var clock = Stopwatch.StartNew();
        var warmUp = new SubmitCode("", "csharp");
        var token = warmUp.GetOrCreateToken();
        connection.Send(warmUp);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await connection.Events.WaitToReadAsync(deadline.Token))
                while (connection.Events.TryRead(out var e))
                    if (e is CommandSucceeded or CommandFailed && e.Command?.GetOrCreateToken() == token)
                    {
                        connection.WarmUpTime = clock.Elapsed;
                        return connection;
                    }
        }
        catch (OperationCanceledException) { }
        await connection.DisposeAsync();
        throw new KernelUnavailableException($"The kernel did not run an empty cell within {timeout.TotalSeconds:0} s (exit code {connection.ExitCode}).\n{connection.StderrTail}");
    }

    /// <summary>Sends one command (one JSON line).</summary>
    public void Send(KernelCommand command)
    {
        if (_process.HasExited) return;
        try
        {
            _process.StandardInput.WriteLine(KernelCommandEnvelope.Serialize(KernelCommandEnvelope.Create(command)));
            _process.StandardInput.Flush();
        }
        catch (IOException) { } // the kernel died; its events channel completes and the caller reports it
    }

    /// <summary>Ends the kernel and every process it started. Kernel <c>Cancel</c> cannot stop running code (dotnet/interactive#3387); this can.</summary>
    public void KillTree()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1) return;
        KillTree();
        try { await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)); } catch (TimeoutException) { }
        try { await _pump.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
        LiveKernels.Remove(this);
        _ = ExitCode; // keep the exit code for messages written after this
        _process.Dispose();
    }

    private async Task PumpAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith('{')) continue; // the tool's first-run banner is plain text
                KernelEvent? e;
                try
                {
                    e = KernelEventEnvelope.Deserialize(line).Event;
                }
                catch (Exception)
                {
                    continue; // an event type this client does not know: nothing the runner reports
                }
                if (e is not null) _events.Writer.TryWrite(e);
            }
        }
        catch (Exception) when (_ended == 1) { }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
