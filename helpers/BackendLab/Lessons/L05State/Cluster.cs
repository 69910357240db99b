using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace BackendLab.Lessons.L05State;

/// <summary>
/// Several instances of one service behind a real reverse proxy (YARP, in this process), as in production (Lesson 5).
/// Every instance runs the same <c>map</c> code but has its own memory; responses carry an <c>X-Instance</c> header
/// ("A", "B"…) saying which instance answered.
/// <code>
/// var shop = await Cluster.StartAsync("shop", instances: 2, app => app.MapPost("/cart/{user}/items", (string user, string item) => Results.Ok()));
/// await shop.Client.PostAsync("/cart/alice/items?item=tea", null);
/// </code>
/// </summary>
public sealed partial class Cluster : ServerHandle
{
    /// <summary>The response header naming the instance that answered.</summary>
    public const string InstanceHeader = "X-Instance";

    /// <summary>The cookie YARP sets to keep a client on one instance when <see cref="Sticky"/> is true.</summary>
    public const string AffinityCookie = ".BackendLab.Affinity";

    static readonly ServerOptions PartOptions = new() { RecordRequests = false, Environment = "Production" };

    readonly List<ClusterInstance> _instances;
    readonly RunningServer _proxy;
    readonly InMemoryConfigProvider _config;
    readonly List<HttpClient> _clients = [];
    readonly ProxyCounter _proxyCounter;

    Cluster(string name, bool sticky, List<ClusterInstance> instances, RunningServer proxy, InMemoryConfigProvider config, ProxyCounter counter)
        : base(name, proxy.BaseAddress) =>
        (Sticky, _instances, _proxy, _config, _proxyCounter) = (sticky, instances, proxy, config, counter);

    /// <summary>Requests the proxy received since it started (or <see cref="ResetCounts"/>), including those it could not pass on.</summary>
    public long ProxyRequests => Interlocked.Read(ref _proxyCounter.Requests);

    sealed class ProxyCounter { public long Requests; }

    /// <summary>True when the proxy keeps each client on the instance it first reached (session affinity, by cookie).</summary>
    public bool Sticky { get; }

    /// <summary>The instances, in order A, B…</summary>
    public IReadOnlyList<ClusterInstance> Instances => _instances;

    /// <summary>A new client of the proxy with an empty cookie jar, as a different user or browser would be.</summary>
    public HttpClient NewClient()
    {
        var client = LoopbackHandler.CreateClient(BaseAddress, TimeSpan.FromSeconds(10));
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary>The instance called <paramref name="name"/> ("A", "B"…).</summary>
    public ClusterInstance this[string name] => _instances.First(i => i.Name == name);

    /// <summary>
    /// Starts <paramref name="instances"/> copies of a service, each on its own port with its own memory, and a YARP
    /// proxy in front of them. A cluster already running under <paramref name="name"/> is stopped first.
    /// </summary>
    /// <param name="name">A name, so running the cell again replaces the cluster.</param>
    /// <param name="instances">How many copies of the service. Default: 2.</param>
    /// <param name="map">Declares the service's endpoints; it runs once per instance, so anything it creates is per instance.</param>
    /// <param name="sticky">Session affinity: keep each client on one instance by a cookie. Default: false (round-robin).</param>
    public static Task<Cluster> StartAsync(string name, int instances, Action<WebApplication> map, bool sticky = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(instances, 8);
        ArgumentNullException.ThrowIfNull(map);
        return Servers.StartAsync(name, () => LaunchAsync(name, instances, map, sticky));
    }

    static async Task<Cluster> LaunchAsync(string name, int instances, Action<WebApplication> map, bool sticky)
    {
        var list = new List<ClusterInstance>();
        for (var i = 0; i < instances; i++)
        {
            var instance = new ClusterInstance(((char)('A' + i)).ToString());
            instance.Server = await ServerFactory.StartAsync($"{name}/{instance.Name}", _ => { }, app =>
            {
                app.Use((context, next) =>
                {
                    instance.Count();
                    context.Response.Headers[InstanceHeader] = instance.Name;
                    return next(context);
                });
                map(app);
            }, PartOptions);
            list.Add(instance);
        }

        var config = new InMemoryConfigProvider(Routes(), [ClusterConfig(list, sticky)]);
        var counter = new ProxyCounter();
        var proxy = await ServerFactory.StartAsync($"{name}/proxy",
            builder => builder.Services.AddReverseProxy().Services.AddSingleton<IProxyConfigProvider>(config),
            app =>
            {
                app.Use((context, next) => { Interlocked.Increment(ref counter.Requests); return next(context); });
                app.MapReverseProxy();
            }, PartOptions);
        return new Cluster(name, sticky, list, proxy, config, counter);
    }

    static IReadOnlyList<RouteConfig> Routes() =>
        [new RouteConfig { RouteId = "all", ClusterId = "service", Match = new RouteMatch { Path = "{**rest}" } }];

    static ClusterConfig ClusterConfig(IEnumerable<ClusterInstance> instances, bool sticky) => new()
    {
        ClusterId = "service",
        LoadBalancingPolicy = "RoundRobin",
        SessionAffinity = sticky
            ? new SessionAffinityConfig { Enabled = true, Policy = "Cookie", FailurePolicy = "Redistribute", AffinityKeyName = AffinityCookie }
            : null,
        Destinations = instances.Where(i => i.IsRunning)
            .ToDictionary(i => i.Name, i => new DestinationConfig { Address = i.Server.BaseAddress.ToString() }),
    };

    /// <summary>
    /// Stops instance <paramref name="name"/> (its memory is gone) and takes it out of the proxy's list, as a health
    /// check would a few seconds later in production. Requests then go to the instances still running.
    /// </summary>
    /// <param name="name">"A", "B"…</param>
    /// <param name="tellProxy">Remove it from the proxy too (default true). With false the proxy keeps sending it requests, which fail with 502 Bad Gateway.</param>
    public async Task StopInstanceAsync(string name, bool tellProxy = true)
    {
        var instance = this[name];
        await instance.Server.StopAsync();
        if (tellProxy) _config.Update(Routes(), [ClusterConfig(_instances, Sticky)]);
    }

    /// <summary>Sets the proxy's and every instance's request counter back to 0.</summary>
    public void ResetCounts()
    {
        Interlocked.Exchange(ref _proxyCounter.Requests, 0);
        foreach (var i in _instances) i.ResetCount();
    }

    /// <summary>Stops the proxy and every instance.</summary>
    protected override async Task StopServerAsync()
    {
        lock (_clients) { foreach (var c in _clients) c.Dispose(); _clients.Clear(); }
        await _proxy.StopAsync();
        foreach (var i in _instances) await i.Server.StopAsync();
    }

    /// <inheritdoc/>
    protected override string Kind => $"YARP proxy, {_instances.Count} instance(s)";

    /// <inheritdoc/>
    protected override string Activity => $"{_instances.Sum(i => i.Requests)} request(s) served by the instances";

    /// <summary>One line per instance: name, state, requests served.</summary>
    public override string ToString() =>
        $"{Name} ({(Sticky ? "sticky sessions" : "round-robin")}) at {_proxy.Url}: " +
        string.Join(", ", _instances.Select(i => $"{i.Name} {(i.IsRunning ? "running" : "stopped")} {i.Requests} req"));

    /// <summary>A table of the instances.</summary>
    public override void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write(_instances.Aggregate(
            new HtmlTable($"{Name}: a proxy at {_proxy.Url} ({(Sticky ? "sticky sessions" : "round-robin")}) in front of {_instances.Count} instance(s)")
                .Column("instance").Column("url").Column("state").Column("requests", "requests this instance answered since it started (or ResetCounts)"),
            (t, i) => t.Row(i.Name, i.Server.Url, i.IsRunning ? "running" : "stopped", i.Requests)).ToString());
}

/// <summary>One instance of a <see cref="Cluster"/>: its own server, port and memory.</summary>
public sealed class ClusterInstance
{
    long _requests;

    internal ClusterInstance(string name) => Name = name;

    /// <summary>"A", "B"…: the value of the <c>X-Instance</c> header in its responses.</summary>
    public string Name { get; }

    /// <summary>The instance's own server (you can send it requests directly, bypassing the proxy).</summary>
    public RunningServer Server { get; internal set; } = null!;

    /// <summary>True until it is stopped.</summary>
    public bool IsRunning => Server.IsRunning;

    /// <summary>Requests it answered since it started (or since <see cref="Cluster.ResetCounts"/>).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    internal void Count() => Interlocked.Increment(ref _requests);
    internal void ResetCount() => Interlocked.Exchange(ref _requests, 0);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} at {Server.Url} ({(IsRunning ? "running" : "stopped")}, {Requests} requests)";
}
