using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BackendLab;

/// <summary>
/// Settings for <see cref="Servers.StartAsync(string, Action{Microsoft.AspNetCore.Builder.WebApplication}, ServerOptions?)"/>.
/// <c>new ServerOptions()</c> is what you get when you pass nothing; change one setting with
/// <c>new ServerOptions { Logging = true }</c>.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>Print ASP.NET Core's own log lines (Kestrel, routing…) under the cell. Default: false (quiet).</summary>
    public bool Logging { get; init; }

    /// <summary>The port on 127.0.0.1 to listen on. Default: 0, which lets the operating system pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>Keep a record of every request the server answers in <see cref="RunningServer.Log"/>. Default: true.</summary>
    public bool RecordRequests { get; init; } = true;

    /// <summary>How many of the most recent requests <see cref="RunningServer.Log"/> keeps (older ones are dropped, still counted). Default: 10 000.</summary>
    public int LogCapacity { get; init; } = 10_000;

    /// <summary>
    /// The ASP.NET Core environment name. Default: "Development", whatever the machine's environment variables say,
    /// so the notebook behaves the same everywhere; in Development an unhandled exception becomes a 500 response
    /// whose body shows the exception.
    /// </summary>
    public string Environment { get; init; } = "Development";

    /// <summary>The folder the server treats as its content root (static files, appsettings.json). Default: null, meaning the current directory (the notebook's folder).</summary>
    public string? ContentRoot { get; init; }

    /// <summary>How long <see cref="ServerHandle.Client"/> waits for a response before giving up. Default: 10 seconds.</summary>
    public TimeSpan ClientTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long stopping waits for requests still in flight before cutting their connections. Default: 3 seconds.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Sets Kestrel's own options before the server starts, e.g. its limits:
    /// <c>Kestrel = k => k.Limits.MaxRequestBodySize = 1024</c>. Default: null (Kestrel's defaults).
    /// </summary>
    public Action<KestrelServerOptions>? Kestrel { get; init; }

    /// <summary>Sets up the 127.0.0.1 endpoint, e.g. adds connection middleware: <c>Listen = l => l.Use(...)</c>. Default: null.</summary>
    public Action<ListenOptions>? Listen { get; init; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "A port is a number from 0 (pick a free one) to 65535.");
        if (LogCapacity < 1) throw new ArgumentOutOfRangeException(nameof(LogCapacity), LogCapacity, "The log must keep at least one request.");
        if (ClientTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ClientTimeout), ClientTimeout, "The client timeout must be positive.");
        if (StopTimeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(StopTimeout), StopTimeout, "The stop timeout cannot be negative.");
    }
}
