using System.Net;
using System.Net.Sockets;

namespace BackendLab.Lessons.L03ClientServer;

/// <summary>
/// The smallest possible server: a <see cref="TcpListener"/> on 127.0.0.1 and one loop that accepts a connection,
/// lets your handler serve it, closes it, and only then accepts the next. One connection at a time, on purpose:
/// lesson 3 measures what that does when many clients arrive at once. Defined in lesson 3.
/// <code>
/// var serial = await SerialServer.StartAsync("serial", async (stream, ct) =>
/// {
///     var head = await RawHttp.ReadRequestHeadAsync(stream, ct);
///     await RawHttp.WriteResponseAsync(stream, 200, "hello", cancellationToken: ct);
/// });
/// </code>
/// It is listed in <see cref="Servers"/> like every server: starting one under a name already in use stops the old one first.
/// </summary>
/// <remarks>
/// The whole accept loop is this (see <c>RunAsync</c>):
/// <code>
/// while (true)
/// {
///     using TcpClient client = await listener.AcceptTcpClientAsync(ct);   // wait for the next connection
///     await handle(client.GetStream(), ct);                               // serve it completely
/// }                                                                       // close it, then accept the next
/// </code>
/// Connections that arrive meanwhile wait in the operating system's accept queue (the listen backlog).
/// </remarks>
public sealed class SerialServer : ServerHandle
{
    readonly TcpListener _listener;
    readonly Func<NetworkStream, CancellationToken, Task> _handle;
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;
    long _connections, _errors;

    SerialServer(string name, TcpListener listener, Func<NetworkStream, CancellationToken, Task> handle)
        : base(name, new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"))
    {
        (_listener, _handle) = (listener, handle);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many connections it has served (accepted, handled and closed).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>How many connections ended with an exception from the handler.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>The last exception a handler threw, or null.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>
    /// Starts listening on 127.0.0.1:<paramref name="port"/> and serving connections one at a time with <paramref name="handle"/>.
    /// A <see cref="SerialServer"/> already running under <paramref name="name"/> is stopped first.
    /// </summary>
    /// <param name="name">A name, e.g. "serial".</param>
    /// <param name="handle">Serves one connection: read the request from the stream, write the response. The connection is closed when it returns.</param>
    /// <param name="port">The port; 0 (the default) lets the operating system pick a free one.</param>
    /// <exception cref="SocketException">The port is in use (<see cref="SocketError.AddressAlreadyInUse"/>).</exception>
    public static Task<SerialServer> StartAsync(string name, Func<NetworkStream, CancellationToken, Task> handle, int port = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handle);
        return Servers.StartAsync(name, () =>
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return Task.FromResult(new SerialServer(name, listener, handle));
        });
    }

    /// <summary>
    /// A serial HTTP server whose every request takes <paramref name="work"/> (a <c>Task.Delay</c> standing for real work)
    /// and is answered <c>200</c> with body "hello".
    /// </summary>
    public static Task<SerialServer> StartHelloAsync(string name, TimeSpan work) =>
        StartAsync(name, async (stream, ct) =>
        {
            await RawHttp.ReadRequestHeadAsync(stream, ct);
            if (work > TimeSpan.Zero) await Task.Delay(work, ct);
            await RawHttp.WriteResponseAsync(stream, 200, "hello", cancellationToken: ct);
        });

    async Task RunAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(ct); }
            catch (Exception) when (ct.IsCancellationRequested) { break; }
            catch (SocketException) { continue; }
            using (client)
            {
                try { await _handle(client.GetStream(), ct); }
                catch (Exception) when (ct.IsCancellationRequested) { break; }
                catch (Exception error) { LastError = error; Interlocked.Increment(ref _errors); }
                Interlocked.Increment(ref _connections);
            }
        }
    }

    /// <summary>Stops accepting, ends the connection being served, and closes the port.</summary>
    protected override async Task StopServerAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    /// <inheritdoc/>
    protected override string Kind => "TcpListener, one connection at a time";

    /// <inheritdoc/>
    protected override string Activity => $"{Connections} connection(s) served";
}
