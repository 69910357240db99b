using Microsoft.AspNetCore.Builder;

namespace BackendLab;

/// <summary>
/// A minimal API started with <see cref="Servers.StartAsync(string, Action{WebApplication}, ServerOptions?)"/>, listening on 127.0.0.1.
/// Send it requests with <see cref="ServerHandle.Client"/>; see what it answered in <see cref="Log"/>; stop it with
/// <c>await server.StopAsync()</c>. Shows as a small card when it is a cell's value.
/// </summary>
public sealed class RunningServer : ServerHandle
{
    readonly TimeSpan _stopTimeout;

    internal RunningServer(string name, WebApplication app, Uri baseAddress, RequestLog log, ServerOptions options)
        : base(name, baseAddress, options.ClientTimeout) =>
        (App, Log, _stopTimeout) = (app, log, options.StopTimeout);

    /// <summary>The requests it answered: method, path, status code, duration (see <see cref="RequestLog"/>).</summary>
    public RequestLog Log { get; }

    /// <summary>The ASP.NET Core application itself.</summary>
    public WebApplication App { get; }

    /// <summary>The application's services (dependency injection container).</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Waits up to <see cref="ServerOptions.StopTimeout"/> (default 3 s) for requests in flight, then closes the port.
    /// </summary>
    protected override async Task StopServerAsync()
    {
        using (var timeout = new CancellationTokenSource(_stopTimeout))
        {
            try { await App.StopAsync(timeout.Token); }
            catch (OperationCanceledException) { }
        }
        await App.DisposeAsync();
    }

    /// <inheritdoc/>
    protected override string Kind => "ASP.NET Core (Kestrel)";

    /// <inheritdoc/>
    protected override string Activity => $"{Log.Total} request(s) served";
}
