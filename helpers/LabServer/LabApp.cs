using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LabServer;

/// <summary>Builds the lab server's web application (used by Program and by in-process benchmarks).</summary>
public static class LabApp
{
    /// <summary>Creates the app, bound to 127.0.0.1 only, with every lab endpoint mapped and logging off.</summary>
    public static WebApplication Create(LabOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        builder.Services.AddRuntimeLab(); // lesson 6: the concurrency limiter (RuntimeLab.cs)
        var app = builder.Build();
        app.MapRuntimeLab();              // lesson 6: sampler, JIT report, /json, /store, /limited (RuntimeLab.cs)
        app.MapLabEndpoints();
        app.MapCompetingWriter();         // lesson 7: another process writing to the capstone's database (CompetingWriter.cs)
        app.MapLoadGenerator();           // BackendLab's load engine, run in this process (LoadGenerator.cs)
        return app;
    }

    /// <summary>The address the started app listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
