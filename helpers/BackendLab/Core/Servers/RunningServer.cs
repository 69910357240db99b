using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// A server started with <see cref="Servers.StartAsync(string, Action{WebApplication}, ServerOptions?)"/>, listening on 127.0.0.1.
/// Send it requests with <see cref="Client"/>; see what it answered in <see cref="Log"/>; stop it with
/// <c>await server.StopAsync()</c>. Shows as a small card when it is a cell's value.
/// </summary>
public sealed class RunningServer : IAsyncDisposable, IHtmlContent
{
    readonly TimeSpan _stopTimeout;
    readonly Lock _gate = new();
    Task? _stopping;

    internal RunningServer(string name, WebApplication app, Uri baseAddress, RequestLog log, ServerOptions options)
    {
        (Name, App, BaseAddress, Log, _stopTimeout) = (name, app, baseAddress, log, options.StopTimeout);
        Client = LoopbackHandler.CreateClient(baseAddress, options.ClientTimeout);
    }

    /// <summary>The name it was started under; starting another server with this name replaces this one.</summary>
    public string Name { get; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Where it listens, as text without a trailing slash, e.g. <c>"http://127.0.0.1:40123"</c>.</summary>
    public string Url => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>The TCP port it listens on (chosen by the operating system unless <see cref="ServerOptions.Port"/> was set).</summary>
    public int Port => BaseAddress.Port;

    /// <summary>
    /// An <see cref="HttpClient"/> aimed at this server: <c>await server.Client.GetStringAsync("/hello")</c>.
    /// Times out after <see cref="ServerOptions.ClientTimeout"/> (default 10 s) and does not follow redirects, so you see the 3xx itself.
    /// </summary>
    public HttpClient Client { get; }

    /// <summary>The requests it answered: method, path, status code, duration (see <see cref="RequestLog"/>).</summary>
    public RequestLog Log { get; }

    /// <summary>The ASP.NET Core application itself.</summary>
    public WebApplication App { get; }

    /// <summary>The application's services (dependency injection container).</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>True until the server is stopped.</summary>
    public bool IsRunning => _stopping is null;

    /// <summary>
    /// Stops the server: waits up to <see cref="ServerOptions.StopTimeout"/> (default 3 s) for requests in flight,
    /// then closes its port. Calling it again does nothing.
    /// </summary>
    public Task StopAsync()
    {
        lock (_gate) _stopping ??= StopCoreAsync();
        return _stopping;
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    async Task StopCoreAsync()
    {
        Servers.Forget(this);
        Client.Dispose();
        using (var timeout = new CancellationTokenSource(_stopTimeout))
        {
            try { await App.StopAsync(timeout.Token); }
            catch (OperationCanceledException) { }
        }
        await App.DisposeAsync();
    }

    /// <summary>A one-line summary, e.g. <c>hello at http://127.0.0.1:40123 (3 requests served)</c>.</summary>
    public override string ToString() =>
        $"{Name} at {Url} ({(IsRunning ? "" : "stopped, ")}{Log.Total} request(s) served)";

    /// <summary>A small card: name, URL, requests served.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write(new HtmlTable()
            .Column("server").Column("url").Column("state").Column("requests served")
            .Row(Name, Url, IsRunning ? "running" : "stopped", Log.Total).ToString());
}
