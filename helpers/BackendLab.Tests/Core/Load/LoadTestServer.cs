using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Core;

/// <summary>An in-process server on 127.0.0.1 with the endpoints the load tests need.</summary>
static class LoadTestServer
{
    public static Task<RunningServer> StartAsync() => Servers.StartAsync("load-tests", app =>
    {
        app.MapGet("/ok", () => "ok");
        app.MapGet("/delay", async (int ms) => { await Task.Delay(ms); return "done"; });
        // Answers after `base` ms, except during the first `ms` ms of every second, when it waits until the stall ends.
        app.MapGet("/stall", async (int ms, int @base) =>
        {
            var phase = DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMillisecond;
            if (phase < ms) await Task.Delay(TimeSpan.FromMilliseconds(ms - phase));
            await Task.Delay(@base);
            return "ok";
        });
        app.MapGet("/hang", async (HttpContext context) => { await Task.Delay(Timeout.Infinite, context.RequestAborted); });
        var n = 0;
        app.MapGet("/flaky", () => Interlocked.Increment(ref n) % 2 == 0 ? Results.Ok("ok") : Results.StatusCode(500));
        app.MapGet("/chunked", async (HttpContext context) =>
        {
            await context.Response.WriteAsync(new string('a', 3000));
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync(new string('b', 20000));
        });
        app.MapGet("/close", (HttpContext context) => { context.Response.Headers.Connection = "close"; return "bye"; });
    }, new ServerOptions { RecordRequests = false });

    /// <summary>Wall-clock time of an action.</summary>
    public static async Task<(T Value, TimeSpan Took)> TimeAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var value = await action();
        return (value, watch.Elapsed);
    }
}
