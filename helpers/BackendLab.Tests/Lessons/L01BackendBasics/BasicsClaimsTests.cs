using BackendLab.Lessons.L01BackendBasics;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Tests.Lessons.L01BackendBasics;

/// <summary>
/// Lesson 1's claims for machines we do not have (1, 2, 4, 16 cores, idle or busy: a busy machine makes each request
/// slower and a preempted sample longer), with recorded runs, and inputs where the statement is false and must not hold;
/// then the helpers behind them, on a real server over loopback.
/// </summary>
[Collection("servers")]
public class BasicsClaimsTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    /// <summary>
    /// A run as a machine with <paramref name="cores"/> cores makes it: a request costs 25 µs on a fast 16-core machine,
    /// up to 160 µs on a small one, times <paramref name="slowdown"/> when busy (1 idle, 3 busy); the server's pipeline
    /// takes 15 % of it; a direct call 0.03 to 0.1 µs, 1.5× when busy (a few samples preempted).
    /// </summary>
    static (double Call, double Request, double Server) Run(int cores, double slowdown)
    {
        var request = cores switch { 1 => 160.0, 2 => 140, 4 => 60, _ => 25 } * slowdown;
        var call = (cores >= 4 ? 0.03 : 0.1) * (slowdown > 1 ? 1.5 : 1);
        return (call, request, 0.15 * request);
    }

    [Theory]
    [InlineData(1, 1.0)] [InlineData(1, 3.0)]
    [InlineData(2, 1.0)] [InlineData(2, 3.0)]
    [InlineData(4, 1.0)] [InlineData(4, 3.0)]
    [InlineData(16, 1.0)] [InlineData(16, 3.0)]
    public void CallVsRequest_holds_on_any_machine_idle_or_busy(int cores, double slowdown)
    {
        var (call, request, server) = Run(cores, slowdown);
        var claim = BasicsClaims.CallVsRequest(call, request, server, cores);
        Assert.True(claim.Holds, claim.ToString());
    }

    [Theory]
    // recorded on the shared 2-core machine: call µs, request µs, server µs
    [InlineData(0.065, 160.255, 21.4)]
    [InlineData(0.1, 141.695, 16)]
    public void CallVsRequest_holds_on_recorded_runs(double call, double request, double server)
    {
        var claim = BasicsClaims.CallVsRequest(call, request, server, 2);
        Assert.True(claim.Holds, claim.ToString());
        Assert.Contains("over 100× the call", claim.ToString());
    }

    [Theory]
    // a "call" that is itself a microsecond or more
    [InlineData(1.5, 160, 20)]
    // a request only 50× a call
    [InlineData(0.5, 25, 4)]
    // a server that took most of the request: the trip was not most of it
    [InlineData(0.05, 160, 100)]
    public void CallVsRequest_does_not_hold_when_a_statement_is_false(double call, double request, double server)
    {
        Assert.False(BasicsClaims.CallVsRequest(call, request, server, 2).Holds);
    }

    [Theory]
    // medians of GET /price, POST /orders, GET /report in µs: recorded on the 2-core machine (busy)
    [InlineData(168, 252, 1238)]
    [InlineData(134, 253, 1229)]
    // a fast idle 16-core machine: summing 200,000 decimals still takes about half a millisecond
    [InlineData(25, 45, 500)]
    // a busy 1-core machine: everything 3× slower
    [InlineData(480, 750, 3600)]
    public void SlowestEndpoint_holds_when_the_report_is_over_twice_the_others(double price, double orders, double report)
    {
        var claim = BasicsClaims.SlowestEndpoint([("GET /price", price), ("POST /orders", orders), ("GET /report", report)], "GET /report", 2);
        Assert.True(claim.Holds, claim.ToString());
    }

    [Theory]
    [InlineData(168, 900, 1238)]
    [InlineData(168, 252, 200)]
    public void SlowestEndpoint_does_not_hold_when_another_endpoint_comes_close(double price, double orders, double report)
    {
        Assert.False(BasicsClaims.SlowestEndpoint([("GET /price", price), ("POST /orders", orders), ("GET /report", report)], "GET /report", 2).Holds);
    }

    [Fact]
    public void DirectCall_times_calls_too_short_for_the_clock_in_batches_and_sees_more_work_as_longer()
    {
        var small = DirectCall.Time("small", () => Math.Sqrt(2), samples: 50);
        var large = DirectCall.Time("large", () => { for (var i = 0; i < 2_000; i++) Math.Sqrt(i); }, samples: 50, callsPerSample: 50);
        Assert.Equal(50, small.Count);
        Assert.Contains("50 samples × 1,000 calls", small.Name);
        Assert.True(small.PercentileNanoseconds(50) > 0, "a per-call mean is never 0, whatever the clock's tick");
        Assert.True(small.P50 < TimeSpan.FromMicroseconds(1), small.ToString());
        Assert.True(large.PercentileNanoseconds(50) > 10 * small.PercentileNanoseconds(50), $"{small}; {large}");
    }

    [Fact]
    public async Task BoundaryCost_reads_the_servers_part_from_its_log_and_the_rest_is_the_trip()
    {
        var shop = await Servers.StartAsync("shop", app => app.MapGet("/price", (string item) => item.Length * 1.5m));
        var direct = DirectCall.Time("direct", () => "book".Length.ToString(), samples: 50);
        var overHttp = await Measure.RepeatAsync("http", 100, () => shop.Client.GetStringAsync("/price?item=book"));
        var cost = BoundaryCost.Of(direct, overHttp, shop.Log, "/price?item=book");

        Assert.InRange(cost.ServerMicroseconds, 0.001, cost.RequestMicroseconds);
        Assert.Equal(cost.RequestMicroseconds - cost.ServerMicroseconds, cost.TripMicroseconds, 6);
        Assert.True(cost.Factor > 10, cost.ToString());
        Assert.Contains("3 stages", cost.Journey().AltText);
        Assert.Contains("trip, both ways", cost.Journey().AltText);
        Assert.Contains("Price(...) called directly", cost.Chart().ToString());
        Assert.Throws<ArgumentException>(() => BoundaryCost.Of(direct, overHttp, shop.Log, "/nowhere"));
    }

    [Fact]
    public async Task LogSequence_draws_the_last_requests_of_a_servers_log_with_their_senders()
    {
        var notes = new List<string>();
        var board = await Servers.StartAsync("board", app =>
        {
            app.MapGet("/notes", () => notes);
            app.MapPost("/notes", () => { notes.Add("n"); return Microsoft.AspNetCore.Http.Results.Created("/notes/1", "n"); });
        });
        await board.Client.GetAsync("/notes");
        await board.Client.PostAsync("/notes", null);
        await board.Client.GetAsync("/notes");

        var picture = LogSequence.Draw("board", board, "Alice", "Bob");
        Assert.Contains("4 steps between Alice and Bob and board", picture.AltText);
        Assert.Contains("1. Alice → board: POST /notes; 2. board → Alice: 201 Created, server time (", picture.AltText);
        Assert.Contains("3. Bob → board: GET /notes; 4. board → Bob: 200 OK", picture.AltText);
        Assert.Throws<ArgumentException>(() => LogSequence.Draw("board", board, "a", "b", "c", "d"));
    }
}
