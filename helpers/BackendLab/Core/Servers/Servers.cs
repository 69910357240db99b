using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace BackendLab;

/// <summary>
/// Every server the notebook started, by name, whatever its kind (see <see cref="IServerHandle"/>). Start a minimal API with
/// <code>var hello = await Servers.StartAsync("hello", app => { app.MapGet("/", () => "Hi!"); });</code>
/// Starting a server under a name already in use stops the old one first, so re-running a cell never leaves a server
/// behind; <see cref="StopAllAsync"/> stops them all. Starts run one at a time.
/// </summary>
public static class Servers
{
    static readonly ConcurrentDictionary<string, IServerHandle> _running = new();
    static readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The names of the servers running now, in alphabetical order.</summary>
    public static IReadOnlyList<string> Running => _running.Keys.Order().ToList();

    /// <summary>
    /// Starts a server named <paramref name="name"/> on a free port of 127.0.0.1, with the endpoints <paramref name="map"/> declares.
    /// A server already running under that name is stopped first.
    /// </summary>
    /// <param name="name">A name for the server, e.g. "hello".</param>
    /// <param name="map">Declares the endpoints and middleware: <c>app => { app.MapGet("/", () => "Hi!"); }</c>.</param>
    /// <param name="options">Port, logging, environment, Kestrel limits… Default: <c>new ServerOptions()</c> (free port, quiet, Development, requests recorded).</param>
    public static Task<RunningServer> StartAsync(string name, Action<WebApplication> map, ServerOptions? options = null) =>
        StartAsync(name, _ => { }, map, options);

    /// <summary>
    /// Starts a server like <see cref="StartAsync(string, Action{WebApplication}, ServerOptions?)"/>, after
    /// <paramref name="configure"/> has added services: <c>builder => builder.Services.AddProblemDetails()</c>.
    /// </summary>
    /// <param name="name">A name for the server, e.g. "hello".</param>
    /// <param name="configure">Adds services to the application's builder.</param>
    /// <param name="map">Declares the endpoints and middleware.</param>
    /// <param name="options">Port, logging, environment, Kestrel limits… Default: <c>new ServerOptions()</c>.</param>
    public static Task<RunningServer> StartAsync(
        string name, Action<WebApplicationBuilder> configure, Action<WebApplication> map, ServerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);
        options ??= new ServerOptions();
        options.Validate();
        return StartAsync(name, () => ServerFactory.StartAsync(name, configure, map, options));
    }

    /// <summary>
    /// Starts a server of any kind under <paramref name="name"/>: stops the one running under that name, if any, then
    /// calls <paramref name="start"/> and lists what it returns. Every kind of server starts through here.
    /// </summary>
    /// <typeparam name="TServer">The kind of server, e.g. <see cref="LabProcess"/>.</typeparam>
    /// <param name="name">The name to list it under.</param>
    /// <param name="start">Starts the server (its <see cref="IServerHandle.Name"/> must be <paramref name="name"/>) and returns once it listens.</param>
    public static async Task<TServer> StartAsync<TServer>(string name, Func<Task<TServer>> start) where TServer : IServerHandle
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(start);
        await _gate.WaitAsync();
        try
        {
            if (_running.TryGetValue(name, out var old)) await old.StopAsync();
            var server = await start();
            if (server.Name != name) throw new InvalidOperationException($"A server started as '{name}' calls itself '{server.Name}'.");
            _running[name] = server;
            return server;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Stops every server the notebook started (minimal APIs, lab processes, clusters…).</summary>
    public static async Task StopAllAsync() =>
        await Task.WhenAll(_running.Values.ToList().Select(s => s.StopAsync()));

    internal static void Forget(IServerHandle server) =>
        _running.TryRemove(new KeyValuePair<string, IServerHandle>(server.Name, server));
}
