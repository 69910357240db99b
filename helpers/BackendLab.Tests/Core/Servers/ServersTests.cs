using System.Net;
using System.Net.Http;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab.Tests.Core;

[Collection("servers")]
public class ServersTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    [Fact]
    public async Task StartsOnALoopbackPortAndAnswers()
    {
        var hello = await Servers.StartAsync("hello", app => { app.MapGet("/", () => "Hi!"); });

        Assert.Equal("Hi!", await hello.Client.GetStringAsync("/"));
        Assert.True(Loopback.IsLoopback(hello.BaseAddress));
        Assert.Equal("127.0.0.1", hello.BaseAddress.Host);
        Assert.NotEqual(0, hello.Port);
        Assert.Equal($"http://127.0.0.1:{hello.Port}", hello.Url);
        Assert.Equal(new Uri(hello.Url + "/"), hello.BaseAddress);
        Assert.Contains("hello", Servers.Running);
    }

    [Fact]
    public async Task ExpressionLambdasBindWithoutCastsAsInANotebookCell()
    {
        var server = await Servers.StartAsync("expression", app => app.MapGet("/", () => "short"));
        var configured = await Servers.StartAsync("expression2", builder => builder.Services.AddProblemDetails(), app => app.MapGet("/", () => "long"));

        Assert.Equal("short", await server.Client.GetStringAsync("/"));
        Assert.Equal("long", await configured.Client.GetStringAsync("/"));
        Assert.True((await ExampleExercises.Greet.Check(app => app.MapGet("/hello/{name}", (string name) => $"Hello, {name}!"))).IsCorrect);
    }

    [Fact]
    public async Task TheLogRecordsMethodPathAndStatus()
    {
        var server = await Servers.StartAsync("logged", app =>
        {
            app.MapGet("/items", () => Results.Ok(new[] { 1, 2 }));
            app.MapPost("/items", () => Results.Created("/items/3", 3));
        });
        await server.Client.GetAsync("/items?page=2");
        await server.Client.PostAsync("/items", null);
        await server.Client.GetAsync("/missing");

        Assert.Equal(3, server.Log.Total);
        Assert.Equal(("GET", "/items?page=2", 200), (server.Log[0].Method, server.Log[0].Path, server.Log[0].StatusCode));
        Assert.Equal(("POST", "/items", 201), (server.Log[1].Method, server.Log[1].Path, server.Log[1].StatusCode));
        Assert.Equal(404, server.Log.Last!.StatusCode);
        Assert.All(server.Log, r => Assert.True(r.DurationMs >= 0));
        Assert.Contains("/items?page=2", server.Log.ToString());

        server.Log.Clear();
        Assert.Equal(0, server.Log.Total);
        Assert.Empty(server.Log);
    }

    [Fact]
    public async Task TheLogRecordsTheNamesOfTheCookiesARequestCarriedButNotTheirValuesAndItsSecFetchSite()
    {
        var server = await Servers.StartAsync("logged-cookies", app => { app.MapGet("/", () => "ok"); });
        var withCookies = new HttpRequestMessage(HttpMethod.Get, "/");
        withCookies.Headers.Add("Cookie", "lax=secret-1; none=secret-2");
        withCookies.Headers.Add("Sec-Fetch-Site", "cross-site");
        await server.Client.SendAsync(withCookies);
        await server.Client.GetAsync("/");

        var (first, second) = (server.Log[0], server.Log[1]);
        Assert.Equal(["lax", "none"], first.CookieNames!.Order());
        Assert.Equal("cross-site", first.FetchSite);
        Assert.DoesNotContain("secret", string.Join(" ", first.CookieNames!));
        Assert.Null(second.CookieNames);                        // HttpClient with no cookie sends no Cookie header
        Assert.Null(second.FetchSite);                          // and no Sec-Fetch-Site: only browsers send it
    }

    [Fact]
    public async Task AHandlerExceptionIsLoggedAsA500WithTheException()
    {
        var server = await Servers.StartAsync("throws", app => { app.MapGet("/", string () => throw new InvalidOperationException("boom")); });

        var response = await server.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(500, server.Log.Last!.StatusCode);
        Assert.Equal("InvalidOperationException: boom", server.Log.Last.Error);
    }

    [Fact]
    public async Task TheLogKeepsOnlyTheMostRecentRequestsButCountsAll()
    {
        var server = await Servers.StartAsync("small-log", app => { app.MapGet("/{n}", (int n) => n); }, new ServerOptions { LogCapacity = 2 });
        for (var n = 1; n <= 3; n++) await server.Client.GetAsync($"/{n}");

        Assert.Equal(3, server.Log.Total);
        Assert.Equal(["/2", "/3"], server.Log.Select(r => r.Path));
    }

    [Fact]
    public async Task ConfigureAddsServicesBeforeTheEndpointsAreMapped()
    {
        var server = await Servers.StartAsync("configured",
            builder => { builder.Services.AddProblemDetails(); },
            app => { app.MapGet("/missing", () => Results.Problem(statusCode: 404, title: "No such thing")); });

        var response = await server.Client.GetAsync("/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(server.Services.GetService<Microsoft.AspNetCore.Http.IProblemDetailsService>());
    }

    [Fact]
    public async Task AStopWaitsOnlyBoundedForAHangingHandler()
    {
        var entered = new TaskCompletionSource();
        var server = await Servers.StartAsync("hangs", app => { app.MapGet("/", async () => { entered.TrySetResult(); await Task.Delay(Timeout.Infinite); return "never"; }); },
            new ServerOptions { StopTimeout = TimeSpan.FromMilliseconds(200) });
        var pending = server.Client.GetAsync("/");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public async Task TheClientRefusesAddressesOffThisMachine()
    {
        var server = await Servers.StartAsync("guarded", app => { app.MapGet("/", () => "x"); });
        await Assert.ThrowsAsync<ArgumentException>(() => server.Client.GetAsync("http://10.0.0.1/"));
    }

    [Fact]
    public async Task ShowsAsACardWithNameUrlAndRequestsServed()
    {
        var server = await Servers.StartAsync("card", app => { app.MapGet("/", () => "x"); });
        await server.Client.GetAsync("/");
        var writer = new StringWriter();
        server.WriteTo(writer, HtmlEncoder.Default);

        Assert.Contains("card", writer.ToString());
        Assert.Contains(server.Url, writer.ToString());
        Assert.Contains("1 request(s) served", writer.ToString());
        Assert.Equal($"card at {server.Url} (1 request(s) served)", server.ToString());
    }

    [Fact]
    public async Task OptionsAreCheckedBeforeAnythingStarts()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Servers.StartAsync("bad", app => { }, new ServerOptions { Port = 70000 }));
        Assert.Contains("0 (pick a free one) to 65535", error.Message);
    }

    [Fact]
    public void OptionDefaults()
    {
        var options = new ServerOptions();
        Assert.False(options.Logging);
        Assert.Equal(0, options.Port);
        Assert.True(options.RecordRequests);
        Assert.Equal(10_000, options.LogCapacity);
        Assert.Equal("Development", options.Environment);
        Assert.Null(options.ContentRoot);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ClientTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.StopTimeout);
    }

    [Fact]
    public async Task ConfigurationFilesAreNotWatched()
    {
        var server = await Servers.StartAsync("no-watchers", app => { });
        var sources = ((IConfigurationBuilder)server.App.Configuration).Sources.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationSource>();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.False(s.ReloadOnChange));
    }
}
