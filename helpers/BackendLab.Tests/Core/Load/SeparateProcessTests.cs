using System.Diagnostics;
using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Tests.Core;

/// <summary>
/// <c>LoadOptions.InSeparateProcess</c>: the same engine runs in a lab server process of its own and its result comes back
/// whole. Real servers on loopback, a real child process: the server counts what it was sent, the result names the process
/// that sent it, latencies survive the trip, a URL off this machine is refused on both sides, and a client that gives up
/// stops the run.
/// </summary>
[Collection("servers")]
public class SeparateProcessTests
{
    static async Task<(RunningServer Server, Func<long> Served)> CountingServerAsync()
    {
        long served = 0;
        var server = await Servers.StartAsync("separate-process-load", app =>
        {
            app.MapGet("/count", async () => { await Task.Delay(5); Interlocked.Increment(ref served); return "ok"; });
        }, new ServerOptions { RecordRequests = false });
        return (server, () => Interlocked.Read(ref served));
    }

    [Fact]
    public async Task ARunFromAnotherProcessAgreesWithTheServersOwnCount()
    {
        var (server, served) = await CountingServerAsync();
        try
        {
            // No warm-up: every request the server answers is one the run counts.
            var r = await BackendLab.Load.RunAsync(server.Url + "/count", new LoadOptions
            {
                Concurrency = 4, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1), InSeparateProcess = true,
            });

            Assert.True(r.FromSeparateProcess, r.ToString());
            Assert.NotEqual(Environment.ProcessId, r.GeneratorProcessId);
            using (var generator = Process.GetProcessById(r.GeneratorProcessId))
                Assert.False(generator.HasExited);
            Assert.Equal(0, r.Errors);
            Assert.True(r.Count > 50, r.ToString());   // 4 users, ~5 ms each, for 1 s: hundreds
            Assert.Equal(served(), r.Count);
            Assert.Equal(r.Count, r.Ok);
            Assert.Equal(r.Count, r.Latencies.TotalCount);
            Assert.Equal(r.Count, r.Timeline.Sum(s => s.Count));
            Assert.True(r.P50 >= TimeSpan.FromMilliseconds(5), r.ToString());   // the handler's own 5 ms are in every latency
            Assert.True(r.ClientCpuTime > TimeSpan.Zero, r.ToString());
        }
        finally { await server.StopAsync(); }
    }

    [Fact]
    public async Task AnOpenLoopFromAnotherProcessKeepsItsSchedule()
    {
        var (server, served) = await CountingServerAsync();
        try
        {
            var r = await BackendLab.Load.RunAsync(server.Url + "/count", new LoadOptions
            {
                Rate = 200, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1), InSeparateProcess = true,
            });
            Assert.True(r.FromSeparateProcess);
            Assert.Equal("open loop", r.Mode);
            Assert.InRange(r.Count, 190, 201);   // 200 scheduled in the second (a busy machine may drop a few)
            Assert.Equal(served(), r.Ok);
        }
        finally { await server.StopAsync(); }
    }

    [Fact]
    public async Task LatenciesCrossBetweenProcessesWithoutLoss()
    {
        var (server, _) = await CountingServerAsync();
        try
        {
            var here = await BackendLab.Load.RunAsync(server.Url + "/count", new LoadOptions { Concurrency = 4, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(0.5) });
            var back = LoadWire.ReadResult(LoadWire.WriteResult(here));

            Assert.Equal((here.Count, here.Ok, here.Errors, here.Latencies.TotalCount), (back.Count, back.Ok, back.Errors, back.Latencies.TotalCount));
            Assert.Equal((here.P50, here.P90, here.P99, here.P999, here.Max, here.Mean), (back.P50, back.P90, back.P99, back.P999, back.Max, back.Mean));
            Assert.Equal(here.Timeline.Select(s => (s.Second, s.Count, s.Errors, s.P99)), back.Timeline.Select(s => (s.Second, s.Count, s.Errors, s.P99)));
            Assert.Equal((here.RequestsPerSecond, here.Window, here.Elapsed, here.ClientCpuTime, here.GeneratorProcessId), (back.RequestsPerSecond, back.Window, back.Elapsed, back.ClientCpuTime, back.GeneratorProcessId));
        }
        finally { await server.StopAsync(); }
    }

    [Fact]
    public async Task AnAddressOffThisMachineIsRefusedOnBothSides()
    {
        // This side: refused before any process is asked.
        var here = await Assert.ThrowsAsync<ArgumentException>(() =>
            BackendLab.Load.RunAsync("http://192.0.2.1/", new LoadOptions { InSeparateProcess = true }));
        Assert.Contains("only sends requests to this machine", here.Message);

        // The generator's side: a request posted straight to a lab server's /load is refused there too.
        var lab = await LabProcess.StartAsync("separate-process-refusal");
        try
        {
            using var response = await lab.Client.PostAsync(LabServerProtocol.LoadPath,
                new StringContent(LoadWire.WriteRequest("http://192.0.2.1/", new LoadOptions()), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("only sends requests to this machine", await response.Content.ReadAsStringAsync());
        }
        finally { await lab.StopAsync(); }
    }

    [Fact]
    public async Task AClientThatGivesUpStopsTheRunInTheOtherProcess()
    {
        var (server, served) = await CountingServerAsync();
        var lab = await LabProcess.StartAsync("separate-process-cancel");
        try
        {
            var request = LoadWire.WriteRequest(server.Url + "/count", new LoadOptions { Rate = 200, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(10) });
            using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                lab.Client.PostAsync(LabServerProtocol.LoadPath, new StringContent(request, System.Text.Encoding.UTF8, "application/json"), giveUp.Token));
            Assert.True(served() > 0, "the run had started");
            await Task.Delay(500);   // requests in flight end (5 ms each)
            var afterGivingUp = served();
            await Task.Delay(1000);
            // The run stopped, 8 s before its end: a run going on would have sent 200 more in this second. A straggler or two
            // may still land (CI once counted 1: a request already scheduled when the stop reached the other process).
            Assert.InRange(served() - afterGivingUp, 0, 5);
        }
        finally { await lab.StopAsync(); await server.StopAsync(); }
    }
}
