using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendLab;

/// <summary>
/// Builds the <see cref="WebApplication"/> behind every BackendLab server.
/// It uses <see cref="WebApplication.CreateBuilder(WebApplicationOptions)"/> (not CreateSlimBuilder) so a lesson gets
/// what <c>dotnet new web</c> gives: full routing (regex constraints too), configuration, and room to add
/// validation, problem details, rate limiting… in the <c>configure</c> step.
/// </summary>
internal static class ServerFactory
{
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure)
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
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        configure?.Invoke(builder);
        return builder.Build();
    }
}
