using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendLab;

/// <summary>
/// A quiet ASP.NET Core app on 127.0.0.1 with a free port, for lesson plumbing that must shape Kestrel itself
/// (connection middleware, server limits). Learner-facing servers go through <c>Servers.StartAsync</c>.
/// </summary>
internal sealed class LessonApp : IAsyncDisposable
{
    static readonly ConcurrentDictionary<string, IAsyncDisposable> Named = new();

    LessonApp(WebApplication app, Uri baseAddress) { App = app; BaseAddress = baseAddress; }

    public WebApplication App { get; }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public static async Task<LessonApp> StartAsync(
        Action<WebApplication> configure,
        Action<KestrelServerOptions>? kestrel = null,
        Action<ListenOptions>? listen = null,
        Action<IServiceCollection>? services = null,
        int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            kestrel?.Invoke(options);
            options.Listen(IPAddress.Loopback, port, lo => listen?.Invoke(lo));
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LessonApp(app, new Uri(address.Replace("[::]", "127.0.0.1") + "/"));
    }

    /// <summary>Stops whatever was registered under <paramref name="name"/> before, then remembers <paramref name="handle"/> under it.</summary>
    public static async Task ReplaceAsync(string name, IAsyncDisposable handle)
    {
        if (Named.TryRemove(name, out var old) && !ReferenceEquals(old, handle)) await old.DisposeAsync();
        Named[name] = handle;
    }

    /// <summary>Stops whatever is registered under <paramref name="name"/>, if anything.</summary>
    public static async Task StopNamedAsync(string name)
    {
        if (Named.TryRemove(name, out var old)) await old.DisposeAsync();
    }

    /// <summary>Forgets <paramref name="handle"/> if it is still registered under <paramref name="name"/>.</summary>
    public static void Forget(string name, IAsyncDisposable handle) =>
        Named.TryRemove(new KeyValuePair<string, IAsyncDisposable>(name, handle));

    public async ValueTask DisposeAsync()
    {
        try { await App.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token); } catch (OperationCanceledException) { }
        await App.DisposeAsync();
    }
}
