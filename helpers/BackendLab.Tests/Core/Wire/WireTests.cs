using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Core;

[Collection("servers")]
public class WireTests : IAsyncLifetime
{
    RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await Servers.StartAsync("wire", app =>
    {
        app.MapGet("/hello", () => "Hello, wire!");
        app.MapPost("/echo", async (HttpRequest request) => await new StreamReader(request.Body).ReadToEndAsync());
        app.MapGet("/chunks", async (HttpResponse response) =>
        {
            await response.WriteAsync("first,");
            await response.Body.FlushAsync();
            await response.WriteAsync("second");
        });
    });

    public Task DisposeAsync() => Servers.StopAllAsync();

    [Fact]
    public async Task AGetReturns200WithTheBodyAndTheRequestExactlyAsSent()
    {
        var raw = $"GET /hello HTTP/1.1\r\nHost: {_server.BaseAddress.Authority}\r\n\r\n";

        var exchange = await Wire.SendAsync(_server, raw);

        Assert.Equal(200, exchange.StatusCode);
        Assert.Equal("Hello, wire!", exchange.Body);
        Assert.Equal(raw, exchange.RequestText);
        Assert.Equal(Encoding.UTF8.GetByteCount(raw), exchange.RequestBytes);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", exchange.ResponseText);
        Assert.EndsWith("\r\n\r\nc\r\nHello, wire!\r\n0\r\n\r\n", exchange.ResponseText); // a string result is sent in chunks
        Assert.Equal(Encoding.UTF8.GetByteCount(exchange.ResponseText), exchange.ResponseBytes);
        Assert.StartsWith("text/plain", exchange.Headers["content-type"]);
        Assert.False(exchange.TimedOut);
        Assert.Equal("GET", _server.Log.Last!.Method);
    }

    [Fact]
    public void RequestBuildsCorrectTextWithCrLfAndContentLengthInBytes()
    {
        var text = Wire.Request("POST", "/echo", "127.0.0.1:5000",
            new Dictionary<string, string> { ["Content-Type"] = "text/plain; charset=utf-8" }, "héllo");

        Assert.Equal("POST /echo HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 6\r\n\r\nhéllo", text);
        Assert.Equal("GET / HTTP/1.1\r\nHost: h\r\n\r\n", Wire.Request("GET", "/", "h"));
    }

    [Fact]
    public async Task ABodySentWithTheBuilderArrivesWhole()
    {
        var exchange = await Wire.SendAsync(_server.BaseAddress, Wire.Request("POST", "/echo", _server.BaseAddress.Authority, body: "ping ✓"));

        Assert.Equal(200, exchange.StatusCode);
        Assert.Equal("ping ✓", exchange.Body);
    }

    [Fact]
    public async Task AChunkedResponseIsReadToItsLastChunk()
    {
        var exchange = await Wire.SendAsync(_server.Url, Wire.Request("GET", "/chunks", _server.BaseAddress.Authority));

        Assert.Equal("chunked", exchange.Headers["Transfer-Encoding"]);
        Assert.Equal("first,second", exchange.Body);
        Assert.EndsWith("0\r\n\r\n", exchange.ResponseText);
        Assert.False(exchange.TimedOut);
    }

    [Theory]
    [InlineData("GET /hello HTTP/1.1\r\n\r\n")]           // HTTP/1.1 requires Host
    [InlineData("HELLO THERE\r\n\r\n")]                    // not a request line
    public async Task AMalformedRequestGets400FromKestrel(string raw)
    {
        var exchange = await Wire.SendAsync(_server, raw);
        Assert.Equal(400, exchange.StatusCode);
    }

    [Fact]
    public async Task BareLineFeedsAreSentAsWrittenNotRepaired()
    {
        var raw = $"GET /hello HTTP/1.1\nHost: {_server.BaseAddress.Authority}\n\n";
        var exchange = await Wire.SendAsync(_server, raw, TimeSpan.FromSeconds(2));

        Assert.Equal(raw, exchange.RequestText);
        Assert.Equal(raw.Length, exchange.RequestBytes);
    }

    [Fact]
    public async Task AHeadResponseHasNoBodyToWaitFor()
    {
        var exchange = await Wire.SendAsync(_server, Wire.Request("HEAD", "/hello", "localhost"));
        Assert.False(exchange.TimedOut);
        Assert.Equal("", exchange.Body);
    }

    [Fact]
    public async Task AnAddressOffThisMachineIsRefusedBeforeConnecting()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Wire.SendAsync(new Uri("http://10.1.2.3:80/"), "GET / HTTP/1.1\r\n\r\n"));
        Assert.Contains("only sends requests to this machine", error.Message);
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOutWithinTheBound()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var exchange = await Wire.SendAsync(new Uri($"http://127.0.0.1:{port}/"), "GET / HTTP/1.1\r\nHost: x\r\n\r\n", TimeSpan.FromMilliseconds(300))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exchange.TimedOut);
        Assert.Null(exchange.StatusCode);
        Assert.Equal("", exchange.ResponseText);
        Assert.Contains("no complete response within 300 ms", exchange.ToString());
    }

    [Fact]
    public async Task AnUnfinishedRequestLeavesKestrelWaitingSoTheExchangeTimesOut()
    {
        var exchange = await Wire.SendAsync(_server, "GET /hello HTTP/1.1\r\nHost: x\r\n", TimeSpan.FromMilliseconds(300));
        Assert.True(exchange.TimedOut);
    }

    [Fact]
    public async Task AResponseWithoutLengthEndsWhenTheServerCloses()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            _ = await stream.ReadAsync(new byte[1024]); // the request: any part of it will do
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbye"u8.ToArray());
        });

        var exchange = await Wire.SendAsync(new Uri($"http://localhost:{((IPEndPoint)listener.LocalEndpoint).Port}/"), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        await serve;

        Assert.Equal(200, exchange.StatusCode);
        Assert.Equal("bye", exchange.Body);
        Assert.False(exchange.TimedOut);
    }

    [Fact]
    public async Task TheHtmlShowsBothDirectionsWithLineEndingsVisible()
    {
        var exchange = await Wire.SendAsync(_server, Wire.Request("GET", "/hello?a=<b>", "localhost"));
        var writer = new StringWriter();
        exchange.WriteTo(writer, HtmlEncoder.Default);
        var html = writer.ToString();

        const string crlf = "<span class=\"eol\" style=\"opacity:.45\">\\r</span><span class=\"eol\" style=\"opacity:.45\">\\n</span>\n";
        Assert.Contains("GET /hello?a=&lt;b&gt; HTTP/1.1" + crlf + "Host: localhost" + crlf + crlf, html);
        Assert.Contains("HTTP/1.1 200 OK" + crlf, html);
        Assert.Contains("→ request", html);
        Assert.Contains("← response", html);
        Assert.Contains("monospace", html);
    }
}
