using System.Diagnostics;
using BackendLab.Lessons.L01BackendBasics;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;
using static BackendLab.Tests.Core.ExampleExercises;

namespace BackendLab.Tests.Core;

/// <summary>A learner handler that never answers is judged incorrect, with a clear message, in under 5 s of wall time (start to stop).</summary>
[Collection("servers")]
public class HangingHandlerTests(ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    static readonly TimeSpan Cap = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AnEndpointExerciseJudgesAHangingHandlerWithin5Seconds()
    {
        var exercise = new EndpointExercise("00-example/hang", "Answer") { Requests = { Probe.Get("/").Status(200) } };
        var (result, took) = await TimeAsync(() => exercise.Check(app => { app.MapGet("/", async () => { await Task.Delay(Timeout.Infinite); return "late"; }); }));

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.StartsWith("`GET /` got no response within 3,000 ms.", result.Message);
        Assert.Contains("never finishes", result.Message);
        Assert.True(took < Cap, $"took {took}");
    }

    [Fact]
    public async Task TheVisitCounterJudgesAHangingHandlerWithin5Seconds()
    {
        var (result, took) = await TimeAsync(() => Lesson01.Q2.Check(app =>
        {
            app.MapPost("/visits", () => 1);
            app.MapGet("/visits", async () => { await Task.Delay(Timeout.Infinite); return 0; });
        }));

        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("`GET /visits` got no response within", result.Message);
        Assert.Contains("never finishes", result.Message);
        Assert.True(took < Cap, $"took {took}");
    }

    async Task<(CheckResult, TimeSpan)> TimeAsync(Func<Task<CheckResult>> check)
    {
        await Greet.Check(app => { app.MapGet("/hello/{name}", (string name) => $"Hello, {name}!"); }); // warm up Kestrel once, as a learner's earlier cells have
        var watch = Stopwatch.StartNew();
        var result = await check();
        output.WriteLine($"{watch.Elapsed.TotalSeconds:F2} s: {result.Message}");
        return (result, watch.Elapsed);
    }
}
