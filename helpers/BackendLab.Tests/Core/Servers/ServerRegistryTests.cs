using System.Net;
using System.Net.Http;
using BackendLab.Lessons.L03ClientServer;
using BackendLab.Lessons.L05State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Core;

/// <summary>One registry for every kind of server: names are shared, one call stops them all.</summary>
[Collection("servers")]
public class ServerRegistryTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    [Fact]
    public async Task StartingAgainUnderTheSameNameStopsTheOldInstance()
    {
        var first = await Servers.StartAsync("again", app => { app.MapGet("/", () => "first"); });
        var second = await Servers.StartAsync("again", app => { app.MapGet("/", () => "second"); });

        Assert.False(first.IsRunning);
        if (first.Port != second.Port) Assert.False(await Ports.AcceptsConnectionsAsync(first.Port));
        Assert.Equal("second", await second.Client.GetStringAsync("/"));
        Assert.Equal(["again"], Servers.Running.Where(n => n == "again"));
    }

    [Fact]
    public async Task TwoNamesRunSideBySide()
    {
        var a = await Servers.StartAsync("a", app => { app.MapGet("/", () => "A"); });
        var b = await Servers.StartAsync("b", app => { app.MapGet("/", () => "B"); });

        Assert.NotEqual(a.Port, b.Port);
        Assert.Equal("A", await a.Client.GetStringAsync("/"));
        Assert.Equal("B", await b.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task StopAllStopsEveryServer()
    {
        var a = await Servers.StartAsync("one", app => { app.MapGet("/", () => 1); });
        var b = await Servers.StartAsync("two", app => { app.MapGet("/", () => 2); });

        await Servers.StopAllAsync();

        Assert.Empty(Servers.Running);
        Assert.False(await Ports.AcceptsConnectionsAsync(a.Port));
        Assert.False(await Ports.AcceptsConnectionsAsync(b.Port));
    }

    [Fact]
    public async Task DisposingStopsTheServer()
    {
        var server = await Servers.StartAsync("disposed", app => { app.MapGet("/", () => "x"); });
        await server.DisposeAsync();
        await server.DisposeAsync(); // a second time does nothing

        Assert.False(server.IsRunning);
        Assert.DoesNotContain("disposed", Servers.Running);
        Assert.False(await Ports.AcceptsConnectionsAsync(server.Port));
    }

    [Fact]
    public async Task ANameReplacesAServerOfAnotherKind()
    {
        var api = await Servers.StartAsync("shared", app => { app.MapGet("/", () => "api"); });
        var lab = await LabProcess.StartAsync("shared");
        Assert.False(api.IsRunning);
        Assert.False(await Ports.AcceptsConnectionsAsync(api.Port));

        var serial = await SerialServer.StartHelloAsync("shared", TimeSpan.Zero);
        Assert.False(lab.IsRunning);
        Assert.True(lab.HasExited);
        Assert.Equal("hello", await serial.Client.GetStringAsync("/"));
        Assert.Equal(["shared"], Servers.Running.Where(n => n == "shared"));
    }

    [Fact]
    public async Task StopAllStopsEveryKind()
    {
        IServerHandle[] servers =
        [
            await Servers.StartAsync("api", app => { app.MapGet("/", () => "api"); }),
            await LabProcess.StartAsync("lab"),
            await SerialServer.StartHelloAsync("serial", TimeSpan.Zero),
            await Cluster.StartAsync("cluster", instances: 2, app => { app.MapGet("/", () => "c"); }),
        ];
        Assert.All(servers, s => Assert.Contains(s.Name, Servers.Running));

        await Servers.StopAllAsync();

        Assert.Empty(Servers.Running);
        foreach (var s in servers)
        {
            Assert.False(s.IsRunning);
            Assert.False(await Ports.AcceptsConnectionsAsync(s.BaseAddress.Port), $"{s.Name} still accepts connections");
        }
    }

    [Fact]
    public async Task KestrelLimitsAreServerOptions()
    {
        var small = await Servers.StartAsync("small", app => { app.MapPost("/", async (HttpRequest r) => (await new StreamReader(r.Body).ReadToEndAsync()).Length); },
            new ServerOptions { Kestrel = k => k.Limits.MaxRequestBodySize = 10 });

        var fits = await small.Client.PostAsync("/", new StringContent("123456789"));
        var tooBig = await small.Client.PostAsync("/", new StringContent(new string('x', 100)));

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }
}
