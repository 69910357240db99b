using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using BackendLab.Lessons.L01BackendBasics;
using BackendLab.Lessons.L03ClientServer;
using BackendLab.Lessons.L04RequestResponse;
using BackendLab.Lessons.L05State;
using BackendLab.Lessons.L06Runtime;
using BackendLab.Lessons.L06bFastApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Docs;

/// <summary>
/// The code examples of BackendLab's XML docs, compiled here: <see cref="SnippetTests"/> checks that every line of every
/// <c>&lt;code&gt;</c> block in the library stands here, in order, so an example cannot drift from the API. A line that is
/// a cell's value in a notebook (no <c>;</c>) is written <c>_ = …;</c> here.
/// </summary>
static class Snippets
{
    // Core/Checks
    public static readonly EndpointExercise Q3 = new("00-example/q3", "Greet by name", ["Use a route parameter."])
    {
        Requests = { Probe.Get("/hello/Ada").Status(200).BodyIs("Hello, Ada!"), Probe.Get("/hello").Status(404) },
    };

    public static readonly ValueExercise<double> Q1 = new("03-client-server/q1", "Throughput of 40 requests in 2 s", 20.0,
        ["Throughput is requests per second.", "Divide the request count by the seconds."]) { Tolerance = 0.01, Placeholder = 0 };

    record Cart(string[] Items);

    static decimal Price(string item, int quantity) => quantity;

    public static async Task CoreAsync(RunningServer server, RunningServer shop, double[] users, double[] p99)
    {
        _ = Probe.Post("/items", """{"name":"pen"}""").Status(201).HasHeader("Location").Json("name", "pen");
        _ = Chart.Line("Latency vs load").Add("p99", users, p99).XAxis("users").YAxis("ms");
        _ = new HtmlTable("Latency").Column("p99", "99 % of requests were faster than this").Row(12.5);

        var r = await ClientRun.RunAsync(server.Url + "/hello", clients: 8, requestsPerClient: 5);
        var fresh = await ClientRun.RunAsync(server.Url + "/hello", clients: 1, requestsPerClient: 300, keepAlive: false);

        var local = Measure.Repeat("in-process call", 10_000, () => Price("book", 2));
        var http  = await Measure.RepeatAsync("over HTTP", 500, () => shop.Client.GetAsync("/price?item=book&qty=2"));
        _ = Measure.Table(local, http);

        var hello = await Servers.StartAsync("hello", app => { app.MapGet("/", () => "Hi!"); });
        _ = await Wire.SendAsync(server, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }

    public static async Task LoadAsync(RunningServer server)
    {
        var r = await Load.RunAsync(server.Url + "/hello", concurrency: 8);           // 8 users, 5 s
        var o = await Load.RunAtRateAsync(server.Url + "/hello", rate: 500);          // 500 req/s on a schedule
        var sweep = await Load.SweepAsync(server.Url + "/hello", concurrencies: [1, 8, 64], duration: TimeSpan.FromSeconds(2));
    }

    public static async Task LabAsync()
    {
        var lab = await LabProcess.StartAsync();  // re-running the cell replaces the previous one
        var r = await Load.RunAsync(lab.Url + "/delay?ms=20", concurrency: 64);

        var samples = await lab.GetSamplesAsync(sinceMs: 0);
        var jit = await lab.GetJitReportAsync();
        var gc = await lab.GetGcSnapshotAsync();
        _ = await GcReport.ReadAsync(lab);
        var cost = await RequestCost.MeasureAsync(lab, "/json?items=100");

        var t = await ServerTimeline.RecordAsync(lab, () => Load.RunAsync(lab.Url + "/block?ms=100", new LoadOptions { Concurrency = 128, Warmup = TimeSpan.Zero }));
        _ = t.RequestsPerSecondBetween(0, 1);   // throughput in the first second

        var cold = await ColdStart.MeasureAsync();   // starts its own lab server, "cold"
        _ = cold.FirstRequest / cold.WarmMedian;
    }

    // Core/Claims
    public static async Task MachineLoadAsync(RunningServer server)
    {
        var load = MachineLoad.Start();
        var sweep = await Load.SweepAsync(server.Url + "/hello", concurrencies: [1, 8]);
        load.Stop();                        // load.OtherCores: e.g. 1.8 cores kept busy by other programs
    }

    public static void Scaling(LoadSweep asyncSweep, LoadSweep blockingSweep) =>
        _ = ScalingChart.Compare("Async vs blocking", TimeSpan.FromMilliseconds(20), ("async", asyncSweep), ("blocking", blockingSweep));

    public static async Task FastApiAsync()
    {
        var budget = CoreBudget.ForServers(requested: 4);   // on 2 cores: 1 for the servers, 1 for the load generator
        var python = FastApiSetup.Find();
        _ = FastApiTwin.SideBySide();
        var py = await FastApiServer.StartAsync("py", FastApiSetup.Find(), workers: 2);
        var servers = await BridgeServers.StartAsync(FastApiSetup.Find(), CoreBudget.ForServers(4));
        var wait = await servers.SweepAsync("/delay?ms=20", [1, 4, 16, 64]);
    }

    public static async Task LessonsAsync(RunningServer server, byte[] key)
    {
        var serial = await SerialServer.StartAsync("serial", async (stream, ct) =>
        {
            var head = await RawHttp.ReadRequestHeadAsync(stream, ct);
            await RawHttp.WriteResponseAsync(stream, 200, "hello", cancellationToken: ct);
        });

        var counting = new CountingClient(server.BaseAddress);
        await counting.Client.GetAsync("/report");
        _ = counting.BytesReceived;

        var journeys = await JourneyServer.StartAsync("journey", endpoints: app => app.MapGet("/hello", () => "hi"));
        var first = await journeys.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/hello"));
        _ = first.Waterfall();

        var shop = await Cluster.StartAsync("shop", instances: 2, app => app.MapPost("/cart/{user}/items", (string user, string item) => Results.Ok()));
        await shop.Client.PostAsync("/cart/alice/items?item=tea", null);
        var carts = await SharedStore.SqliteAsync("carts");
        _ = shop.Picture("Alice's adds, round-robin", store: carts);

        var api = await Servers.StartAsync("api", app => app.MapGet("/orders/{id:int}", (int id) => Results.Ok(id)));
        var answers = new ExchangeTable("Six requests, six answers", api.Client, "Location", "Content-Type");
        await answers.SendAsync("read order 1", new HttpRequestMessage(HttpMethod.Get, "/orders/1"));
        _ = answers;

        var signer = new TokenSigner(key);
        var token = signer.Sign(new Cart(["tea"]), TimeSpan.FromMinutes(30));
        _ = signer.Read<Cart>(token).Payload;

        var request = new HttpRequestMessage(HttpMethod.Delete, "/orders/1");
        _ = CorsPreflight.Reason(request)   // null: sent at once; else why the browser asks first
            ?? "sent at once";

        var cost = await PageVisits.RunAsync(server, "static page + API", users: 20, viewsPerUser: 10, ["/", "/api/shop"], PageCache.Browser);

        {
            var page = await CrossOriginPage.StartAsync();
            var visit = await CrossOriginPage.OpenInChromiumAsync(page, api);   // visit.Requests: what reached the API
            var run = await HeadlessChromium.DumpDomAsync("http://127.0.0.1:5000/");   // run.Dom: the page after its scripts ran
            _ = (visit, run);
        }
    }

    public static async Task Lesson02SameSiteAsync()
    {
        var shop = await SameSiteShop.StartAsync();
        var otherSite = await OtherSite.StartAsync();
        var visit = await SameSiteShop.OpenInChromiumAsync(shop, otherSite);   // visit.Arrived(step): the cookies that came
        _ = visit;
    }

    public static async Task Lesson01Async(RunningServer shop, RunningServer board)
    {
        var direct = DirectCall.Time("Price(...) called directly", () => Price("book", 2));
        var overHttp = await Measure.RepeatAsync("GET /price over HTTP", 100, () => shop.Client.GetStringAsync("/price?item=book&quantity=2"));
        var cost = BoundaryCost.Of(direct, overHttp, shop.Log, "/price?item=book&quantity=2");
        _ = cost.Journey();
        _ = LogSequence.Draw("Alice, Bob and the board", board, "Alice", "Alice", "Bob");
    }

    public static async Task AcceptLoop(TcpListener listener, Func<NetworkStream, CancellationToken, Task> handle, CancellationToken ct)
    {
        while (true)
        {
            using TcpClient client = await listener.AcceptTcpClientAsync(ct);   // wait for the next connection
            await handle(client.GetStream(), ct);                               // serve it completely
        }                                                                       // close it, then accept the next
    }
}

/// <summary>The doc examples of Core/Predictions, Questions, LiveProgress and Pictures, compiled (see <see cref="SnippetTests"/>).</summary>
static class ToolkitSnippets
{
    // Core/Questions
    public static readonly ChoiceQuestion Q1 = new("00-start-here/concepts-q1",
        "Your server listens on 127.0.0.1. Who can send it requests?",
        ["any computer on the internet", "programs on this computer only", "only the notebook cell that started it"],
        answer: 'b', explanation: "127.0.0.1 is the loopback address: …", hints: ["What does 'loopback' loop back to?"]);

    public static readonly NumberQuestion Q2 = new("00-start-here/concepts-q2",
        "A server answers 100 requests, one after another, in 0.5 s. What is its throughput, in requests per second?",
        answer: 200, explanation: "Throughput is requests ÷ seconds: 100 ÷ 0.5 = 200.") { Tolerance = 0.5 };

    static Task WarmAsync(int page) => Task.CompletedTask;

    public static async Task ToolkitAsync(double requestMicros, double callMicros)
    {
        // Core/Predictions
        var guess = Predict.Number("How many times slower is a request than a function call?", guess: null, unit: "×");
        _ = guess.Against(requestMicros / callMicros);

        // Core/LiveProgress
        using (var live = LiveProgress.Start("Warming the cache"))
            for (var i = 1; i <= 10; i++) { await WarmAsync(i); live.Report(i / 10.0, $"{i} of 10 pages"); }

        // Core/Pictures
        _ = JourneyDiagram.Draw("GET /hello", [("TCP connect", 0.41), ("Kestrel", 0.12), ("handler", 20.3)]);
        _ = SequenceDiagram.Draw("One exchange", ["client", "server"],
            new("client", "server", "TCP connect", 0.4), new("client", "server", "GET /", 0.1), new("server", "client", "200 OK", 1.2));
        _ = TopologyDiagram.Draw("Two instances behind a proxy",
            [new("client", 0, 200), new("proxy", 1, 200), new("instance A", 2, 101), new("instance B", 2, 99), new("SQLite", 3, 200)],
            [("client", "proxy"), ("proxy", "instance A"), ("proxy", "instance B"), ("instance A", "SQLite"), ("instance B", "SQLite")]);
    }
}
