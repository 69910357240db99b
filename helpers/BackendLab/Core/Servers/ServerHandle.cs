using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// What every kind of server has in common (see <see cref="IServerHandle"/>): its name and address, a ready
/// <see cref="Client"/>, and a stop that runs once, forgets the server in <see cref="Servers"/> and disposes the client.
/// A new kind (a child process, a raw TCP loop…) derives from it, implements <see cref="StopServerAsync"/>, and is
/// started through <see cref="Servers.StartAsync{TServer}(string, Func{Task{TServer}})"/>. Shows as a small card.
/// </summary>
public abstract class ServerHandle : IServerHandle, IHtmlContent
{
    readonly Lock _gate = new();
    Task? _stopping;

    /// <summary>Sets the name and address, and creates <see cref="Client"/> (loopback only, no redirects followed).</summary>
    /// <param name="name">The name it was started under.</param>
    /// <param name="baseAddress">Where it listens; must be on this machine.</param>
    /// <param name="clientTimeout">How long <see cref="Client"/> waits for a response. Default: 10 seconds.</param>
    protected ServerHandle(string name, Uri baseAddress, TimeSpan? clientTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        BaseAddress = Loopback.Require(new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + "/"));
        Client = LoopbackHandler.CreateClient(BaseAddress, clientTimeout ?? TimeSpan.FromSeconds(10));
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public Uri BaseAddress { get; }

    /// <summary>Where it listens, as text without a trailing slash, ready for <c>server.Url + "/hello"</c>, e.g. <c>"http://127.0.0.1:40123"</c>.</summary>
    public string Url => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>The TCP port it listens on.</summary>
    public int Port => BaseAddress.Port;

    /// <inheritdoc/>
    public HttpClient Client { get; }

    /// <inheritdoc/>
    public bool IsRunning => _stopping is null;

    /// <inheritdoc/>
    public Task StopAsync()
    {
        lock (_gate) _stopping ??= StopOnceAsync();
        return _stopping;
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    async Task StopOnceAsync()
    {
        Servers.Forget(this);
        Client.Dispose();
        await StopServerAsync();
    }

    /// <summary>Stops what actually serves: the app, the process, the accept loop. Called once.</summary>
    protected abstract Task StopServerAsync();

    /// <summary>What kind of server it is, for its card, e.g. "ASP.NET Core (Kestrel)".</summary>
    protected abstract string Kind { get; }

    /// <summary>What it has done so far, for its card, e.g. "12 request(s) served".</summary>
    protected abstract string Activity { get; }

    /// <summary>A one-line summary, e.g. <c>hello at http://127.0.0.1:40123 (12 request(s) served)</c>.</summary>
    public override string ToString() => $"{Name} at {Url} ({(IsRunning ? "" : "stopped, ")}{Activity})";

    /// <summary>A small card: name, URL, kind, state and activity.</summary>
    public virtual void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write(new HtmlTable()
            .Column("server").Column("url").Column("kind").Column("state").Column("so far")
            .Row(Name, Url, Kind, IsRunning ? "running" : "stopped", Activity).ToString());
}
