using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendLab;

/// <summary>
/// Builds and starts the <see cref="WebApplication"/> behind every in-process server, the one host of the course.
/// It uses <see cref="WebApplication.CreateBuilder(WebApplicationOptions)"/> (not CreateSlimBuilder) so a lesson gets
/// what <c>dotnet new web</c> gives: full routing (regex constraints too), configuration, and room to add
/// validation, problem details, rate limiting… in the <c>configure</c> step. Kestrel's own settings come from
/// <see cref="ServerOptions.Kestrel"/> and <see cref="ServerOptions.Listen"/>.
/// </summary>
internal static class ServerFactory
{
    /// <summary>Starts a server that no registry lists: for parts of a larger server (a cluster's instances, a lesson's instrumented server).</summary>
    public static async Task<RunningServer> StartAsync(
        string name, Action<WebApplicationBuilder> configure, Action<WebApplication> map, ServerOptions options)
    {
        var app = Build(options, configure);
        try
        {
            var log = new RequestLog(options.LogCapacity);
            if (options.RecordRequests) app.UseRequestRecording(log);
            map(app);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RunningServer(name, app, new Uri(address + "/"), log, options);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Never the notebook process's own command line; and no file watchers on appsettings.json:
            // each watcher costs an inotify instance, and a notebook may start dozens of servers.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = Path.GetFullPath(options.ContentRoot ?? Directory.GetCurrentDirectory()),
            EnvironmentName = options.Environment,
        });
        if (!options.Logging) builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            options.Kestrel?.Invoke(kestrel);
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => options.Listen?.Invoke(listen));
        });
        configure(builder);
        return builder.Build();
    }
}
