using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab;

/// <summary>
/// Starts small ASP.NET Core servers on 127.0.0.1 from a notebook cell:
/// <code>var hello = await Servers.StartAsync("hello", app => { app.MapGet("/", () => "Hi!"); });</code>
/// Each server has a name; starting a server under a name already in use stops the old one first,
/// so re-running a cell never leaves a server behind.
/// </summary>
public static class Servers
{
    static readonly ConcurrentDictionary<string, RunningServer> _running = new();
    static readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The names of the servers running now.</summary>
    public static IReadOnlyList<string> Running => _running.Keys.Order().ToList();

    /// <summary>
    /// Starts a server named <paramref name="name"/> on a free port of 127.0.0.1, with the endpoints <paramref name="map"/> declares.
    /// A server already running under that name is stopped first.
    /// </summary>
    /// <param name="name">A name for the server, e.g. "hello".</param>
    /// <param name="map">Declares the endpoints and middleware: <c>app => { app.MapGet("/", () => "Hi!"); }</c>.</param>
    /// <param name="options">Port, logging… Default: <c>new ServerOptions()</c> (free port, quiet, requests recorded).</param>
    public static Task<RunningServer> StartAsync(string name, Action<WebApplication> map, ServerOptions? options = null) =>
        StartAsync(name, _ => { }, map, options);

    /// <summary>
    /// Starts a server like <see cref="StartAsync(string, Action{WebApplication}, ServerOptions?)"/>, after
    /// <paramref name="configure"/> has added services: <c>builder => builder.Services.AddProblemDetails()</c>.
    /// </summary>
    public static async Task<RunningServer> StartAsync(
        string name, Action<WebApplicationBuilder> configure, Action<WebApplication> map, ServerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);
        options ??= new ServerOptions();
        options.Validate();

        await _gate.WaitAsync();
        try
        {
            if (_running.TryGetValue(name, out var old)) await old.StopAsync();
            var server = await LaunchAsync(name, configure, map, options);
            _running[name] = server;
            return server;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Stops every running server.</summary>
    public static async Task StopAllAsync() =>
        await Task.WhenAll(_running.Values.ToList().Select(s => s.StopAsync()));

    internal static void Forget(RunningServer server) =>
        _running.TryRemove(new KeyValuePair<string, RunningServer>(server.Name, server));

    static async Task<RunningServer> LaunchAsync(
        string name, Action<WebApplicationBuilder> configure, Action<WebApplication> map, ServerOptions options)
    {
        var app = ServerFactory.Build(options, configure);
        try
        {
            var log = new RequestLog(options.LogCapacity);
            if (options.RecordRequests) app.UseRequestRecording(log);
            map(app);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RunningServer(name, app, Loopback.Require(new Uri(address + "/")), log, options);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
