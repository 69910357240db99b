using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L03ClientServer;

public class ClientServerTests
{
    static string Name() => "test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task SerialServerAnswersHttpClientAndRawBytes()
    {
        await using var server = await SerialServer.StartAsync(Name(), async (stream, ct) =>
        {
            var head = await RawHttp.ReadRequestHeadAsync(stream, ct);
            await RawHttp.WriteResponseAsync(stream, 200, "you asked for " + RawHttp.PathOf(head), ["X-Served-By: raw"], ct);
        });
        using var client = new HttpClient();
        var response = await client.GetAsync(server.Url + "/hello?x=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("raw", response.Headers.GetValues("X-Served-By").Single());
        Assert.Equal("you asked for /hello?x=1", await response.Content.ReadAsStringAsync());

        var exchange = await Wire.SendAsync(server.BaseAddress, "GET /wire HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(200, exchange.StatusCode);
        Assert.Equal("you asked for /wire", exchange.Body);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task SerialServerServesOneConnectionAtATime()
    {
        var work = TimeSpan.FromMilliseconds(50);
        await using var server = await SerialServer.StartHelloAsync(Name(), work);
        var clock = Stopwatch.StartNew();
        var run = await ClientRun.RunAsync(server.Url + "/", clients: 6, requestsPerClient: 1);
        // 1 warm-up + 6 requests, each holding the only "worker" for 50 ms: never faster than 7 × 50 ms.
        Assert.True(clock.Elapsed >= 7 * work, $"took {clock.Elapsed}");
        Assert.Equal(6, run.Count - run.Errors);
        Assert.True(run.P99 >= 5 * work * 0.95, $"p99 {run.P99}");
    }

    [Fact]
    public async Task KestrelServesManyConnectionsAtOnceWhereSerialQueues()
    {
        var work = TimeSpan.FromMilliseconds(50);
        await using var serial = await SerialServer.StartHelloAsync(Name(), work);
        await using var kestrel = await TestApp.StartAsync(a => a.MapGet("/", async () => { await Task.Delay(work); return "hello"; }));
        var s = await ClientRun.RunAsync(serial.Url + "/", clients: 8, requestsPerClient: 2);
        var k = await ClientRun.RunAsync(kestrel.Url, clients: 8, requestsPerClient: 2);
        Assert.Equal(16, s.Count - s.Errors);
        Assert.Equal(16, k.Count - k.Errors);
        Assert.True(s.P50 > 2 * k.P50, $"serial p50 {s.P50}, Kestrel p50 {k.P50}");
    }

    [Fact]
    public async Task StartingUnderTheSameNameReplacesTheOldServer()
    {
        var name = Name();
        var first = await SerialServer.StartHelloAsync(name, TimeSpan.Zero);
        await using var second = await SerialServer.StartHelloAsync(name, TimeSpan.Zero);
        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, first.Port));
        using var client = new HttpClient();
        Assert.Equal("hello", await client.GetStringAsync(second.Url + "/"));
    }

    [Fact]
    public async Task APortInUseGivesAddressAlreadyInUse()
    {
        await using var server = await SerialServer.StartHelloAsync(Name(), TimeSpan.Zero);
        var error = await Assert.ThrowsAsync<SocketException>(() =>
            SerialServer.StartAsync(Name(), (_, _) => Task.CompletedTask, port: server.Port));
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }

    [Fact]
    public void ParsesTheKernelSocketTable()
    {
        string[] lines =
        [
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
            "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 2 1",
            "   2: 0100007F:C350 0100007F:1F90 06 00000000:00000000 03:00001770 00000000     0        0 0 3",
            "   3: 0100007F:C351 0100007F:0050 06 00000000:00000000 03:00001770 00000000     0        0 0 3",
        ];
        Assert.Equal(["0A", "01", "06"], TcpSockets.ParseProcTable(lines, 0x1F90));
    }

    [Fact]
    public async Task ClosedConnectionsShowUpInTimeWaitAndKeptAliveOnesDoNot()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var keep = await TestApp.StartAsync(a => a.MapGet("/", () => "hi"));
        await using var close = await TestApp.StartAsync(a => a.MapGet("/", () => "hi"));
        var kept = await ClientRun.RunAsync(keep.Url, clients: 2, requestsPerClient: 20, keepAlive: true);
        var closed = await ClientRun.RunAsync(close.Url, clients: 2, requestsPerClient: 20, keepAlive: false);
        Assert.Equal(40, kept.Count - kept.Errors);
        Assert.Equal(40, closed.Count - closed.Errors);

        var keptCount = TcpSockets.Count(keep.Port);
        var closedCount = TcpSockets.Count(close.Port);
        Assert.True(keptCount.IsSupported);
        Assert.Equal(1, closedCount.Listening);
        Assert.True(closedCount.TimeWait >= 40, $"TIME_WAIT after 40 closed connections: {closedCount.TimeWait}");
        Assert.True(keptCount.TimeWait <= 3, $"TIME_WAIT after keep-alive: {keptCount.TimeWait}");
    }

    [Fact]
    public async Task TheTableShowsAP99OnlyWhenThereAreEnoughRequestsForOne()
    {
        await using var kestrel = await TestApp.StartAsync(a => a.MapGet("/", () => "hello"));
        var few = await ClientRun.RunAsync(kestrel.Url, clients: 1, requestsPerClient: 4, label: "few");
        var many = await ClientRun.RunAsync(kestrel.Url, clients: 2, requestsPerClient: 60, label: "many");
        var rows = ClientRun.Table(few, many).ToString()!.Split("<tr>");
        var fewRow = rows.Single(r => r.Contains(">few</td>"));
        var manyRow = rows.Single(r => r.Contains(">many</td>"));
        Assert.Contains("— (4 requests)", fewRow);
        Assert.DoesNotContain("— (", manyRow);
        Assert.Equal(120, many.Count - many.Errors);
    }

    [Fact]
    public async Task ClientRunRefusesAddressesOffThisMachine() =>
        await Assert.ThrowsAsync<ArgumentException>(() => ClientRun.RunAsync("http://example.com/"));
}
