using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendLab.Tests.Core;

/// <summary>A fresh ASP.NET Core app on 127.0.0.1 (a free port) for one test.</summary>
sealed class TestApp : IAsyncDisposable
{
    readonly WebApplication _app;
    TestApp(WebApplication app) { _app = app; }

    public string Url => _app.Urls.First().TrimEnd('/') + "/";
    public int Port => new Uri(Url).Port;
    public HttpClient Client { get; } = new();

    public static async Task<TestApp> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null, string environment = "Production")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TestApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
