using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L03ClientServer;

/// <summary>Lesson 3's connection trace against a real Kestrel: who closes, what the socket table shows, both body framings.</summary>
[Collection("servers")]
public class ConnectionTraceTests
{
    [Fact]
    public async Task AKeptAliveConnectionCarriesBothRequestsAndTheClientClosesFirst()
    {
        var server = await Servers.StartAsync("trace-keep", app =>
        {
            app.MapGet("/chunked", () => "hello");                                  // a string: chunked encoding
            app.MapGet("/sized", () => Results.Bytes("hello"u8.ToArray(), "text/plain")); // Content-Length
        });
        try
        {
            foreach (var path in new[] { "/chunked", "/sized" })
            {
                var trace = await ConnectionTrace.RunAsync(server, path, requests: 2, keepAlive: true);
                Assert.Equal("HTTP/1.1 200 OK", trace.StatusLine);
                Assert.Equal(2, trace.ResponseMs.Count);
                Assert.Equal("client", trace.ClosedBy);
                Assert.All(trace.ResponseBytes, b => Assert.True(b > 60));
                if (OperatingSystem.IsLinux()) Assert.NotNull(trace.TimeWaitAfterMs);
                Assert.Contains("client closes (FIN)", trace.Picture().AltText);
            }
        }
        finally { await server.StopAsync(); }
    }

    [Fact]
    public async Task WithConnectionCloseTheServerClosesFirst()
    {
        var server = await Servers.StartAsync("trace-close", app => app.MapGet("/", () => "hi"));
        try
        {
            var trace = await ConnectionTrace.RunAsync(server, "/", requests: 1, keepAlive: false);
            Assert.Equal("server", trace.ClosedBy);
            Assert.Single(trace.ResponseMs);
            if (OperatingSystem.IsLinux()) Assert.NotNull(trace.TimeWaitAfterMs);
            Assert.Contains("server closes (FIN)", trace.Picture().AltText);
        }
        finally { await server.StopAsync(); }
    }
}
