using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// A small order API with deliberately small limits (Lesson 4), so every way a request can be refused is easy to
/// trigger: Kestrel's size limits (413, 414, 431), routing (404, 405), media types (415) and binding (400).
/// Each answer says which part of the server stopped the request, as recorded by the server itself.
/// </summary>
public sealed class LimitsServer : ServerHandle
{
    const string Header = "X-Probe-Id";
    readonly ConcurrentDictionary<string, string> _reached;
    readonly RunningServer _app;

    LimitsServer(RunningServer app, ConcurrentDictionary<string, string> reached, long maxBodyBytes, int maxHeaderBytes)
        : base(app.Name, app.BaseAddress) =>
        (_app, _reached, MaxBodyBytes, MaxHeaderBytes) = (app, reached, maxBodyBytes, maxHeaderBytes);

    /// <summary>The largest request body accepted, in bytes (Kestrel's <c>MaxRequestBodySize</c>).</summary>
    public long MaxBodyBytes { get; }

    /// <summary>The largest total size of request headers accepted, in bytes (Kestrel's <c>MaxRequestHeadersTotalSize</c>).</summary>
    public int MaxHeaderBytes { get; }

    /// <summary>
    /// Starts the server. Endpoints: <c>POST /orders</c> (JSON body <c>{"item": "tea", "quantity": 2}</c>),
    /// <c>GET /orders/{id:int}</c>, <c>GET /items/{id}</c> (an <c>int</c> bound without a route constraint),
    /// <c>GET /search?page=N</c> (an <c>int</c> from the query).
    /// </summary>
    /// <param name="name">A name, so running the cell again replaces the server.</param>
    /// <param name="maxBodyBytes">Body size limit. Default: 1024 bytes.</param>
    /// <param name="maxHeaderBytes">Total header size limit. Default: 4096 bytes.</param>
    public static Task<LimitsServer> StartAsync(string name, long maxBodyBytes = 1024, int maxHeaderBytes = 4096) =>
        Servers.StartAsync(name, async () =>
        {
            var reached = new ConcurrentDictionary<string, string>();
            var options = new ServerOptions
            {
                Environment = "Production", RecordRequests = false,
                Kestrel = k =>
                {
                    k.AddServerHeader = false;
                    k.Limits.MaxRequestBodySize = maxBodyBytes;
                    k.Limits.MaxRequestHeadersTotalSize = maxHeaderBytes;
                    k.Limits.MaxRequestLineSize = 2048;
                },
            };
            var app = await ServerFactory.StartAsync(name, b => b.Services.AddProblemDetails(), app => Configure(app, reached), options);
            return new LimitsServer(app, reached, maxBodyBytes, maxHeaderBytes);
        });

    /// <summary>An order as the API's JSON body carries it.</summary>
    public sealed record Order(string Item, int Quantity);

    static void Configure(WebApplication app, ConcurrentDictionary<string, string> reached)
    {
        app.UseStatusCodePages();   // empty 4xx answers from the app get a problem-details body
        app.Use((context, next) => { Reached(reached, context, "routing"); return next(context); });
        app.UseRouting();
        app.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint?.DisplayName?.StartsWith("405") == true) Reached(reached, context, "method");
            else if (endpoint is not null) Reached(reached, context, "binding");
            return next(context);
        });
        var api = app.MapGroup("");
        api.AddEndpointFilter((invocation, next) =>
        {
            // Minimal APIs run filters even when binding a route or query value failed; they have set 400 by then.
            if (invocation.HttpContext.Response.StatusCode != StatusCodes.Status400BadRequest) Reached(reached, invocation.HttpContext, "handler");
            return next(invocation);
        });
        api.MapPost("/orders", (Order order) => order.Quantity is < 1 or > 100
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["quantity"] = ["must be between 1 and 100"] })
            : Results.Created($"/orders/1", order));
        api.MapGet("/orders/{id:int}", (int id) => Results.Ok(new Order("tea", id)));
        api.MapGet("/items/{id}", (int id) => Results.Ok(new { id }));
        api.MapGet("/search", (int page) => Results.Ok(new { page }));
    }

    static void Reached(ConcurrentDictionary<string, string> reached, HttpContext context, string stage)
    {
        var id = context.Request.Headers[Header].ToString();
        if (id.Length > 0) reached[id] = stage;
    }

    /// <summary>Sends one request and reports its status, its body, and the part of the server that answered it.</summary>
    public async Task<LimitResult> SendAsync(string what, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.NewGuid().ToString("N");
        request.Headers.TryAddWithoutValidation(Header, id);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var stage = _reached.TryRemove(id, out var s) ? s : "Kestrel";
        var answeredBy = (stage, (int)response.StatusCode < 400) switch
        {
            ("Kestrel", _) => "Kestrel, before any middleware ran",
            ("routing", false) => "routing: no endpoint matched",
            ("method", false) => "routing: the path matched, the method did not",
            ("binding", false) => "binding, before the handler ran",
            (_, false) => "the handler",
            _ => "the handler",
        };
        return new LimitResult(what, request.Method.Method, request.RequestUri is { IsAbsoluteUri: true } uri ? uri.PathAndQuery : request.RequestUri?.ToString() ?? "", (int)response.StatusCode, response.ReasonPhrase ?? "", answeredBy, body);
    }

    /// <summary>
    /// Sends the standard battery: a good order, then one request for each way to be refused.
    /// Returns one row per request.
    /// </summary>
    public async Task<LimitReport> ProbeAllAsync()
    {
        static HttpRequestMessage Json(string path, string json, string mediaType = "application/json") =>
            new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, mediaType) };
        var bigHeaders = new HttpRequestMessage(HttpMethod.Get, "/orders/1");
        for (var i = 0; i < 10; i++) bigHeaders.Headers.TryAddWithoutValidation($"X-Filler-{i}", new string('x', MaxHeaderBytes / 8));
        var rows = new List<LimitResult>
        {
            await SendAsync("a good order", Json("/orders", """{"item":"tea","quantity":2}""")),
            await SendAsync($"a body over {MaxBodyBytes} bytes", Json("/orders", $$"""{"item":"{{new string('t', (int)MaxBodyBytes * 2)}}","quantity":2}""")),
            await SendAsync($"headers over {MaxHeaderBytes} bytes", bigHeaders),
            await SendAsync("a 3000-character URL", new HttpRequestMessage(HttpMethod.Get, "/search?q=" + new string('a', 3000))),
            await SendAsync("text/plain instead of JSON", Json("/orders", "tea, 2", "text/plain")),
            await SendAsync("a path with no endpoint", new HttpRequestMessage(HttpMethod.Get, "/nowhere")),
            await SendAsync("DELETE on a POST-only path", new HttpRequestMessage(HttpMethod.Delete, "/orders")),
            await SendAsync("id fails the route constraint {id:int}", new HttpRequestMessage(HttpMethod.Get, "/orders/abc")),
            await SendAsync("id 'abc' bound to an int", new HttpRequestMessage(HttpMethod.Get, "/items/abc")),
            await SendAsync("required query value missing", new HttpRequestMessage(HttpMethod.Get, "/search")),
            await SendAsync("malformed JSON", Json("/orders", """{"item":"tea","quantity":""")),
            await SendAsync("JSON of the wrong shape", Json("/orders", """{"item":"tea","quantity":"two"}""")),
            await SendAsync("a rule the handler checks", Json("/orders", """{"item":"tea","quantity":-5}""")),
        };
        return new LimitReport(rows);
    }

    /// <summary>Stops the server.</summary>
    protected override Task StopServerAsync() => _app.StopAsync();

    /// <inheritdoc/>
    protected override string Kind => "ASP.NET Core with small limits";

    /// <inheritdoc/>
    protected override string Activity => $"body ≤ {MaxBodyBytes} B, headers ≤ {MaxHeaderBytes} B";
}

/// <summary>One request sent to a <see cref="LimitsServer"/> and how it was answered.</summary>
/// <param name="What">What was unusual about the request.</param>
/// <param name="Method">GET, POST…</param>
/// <param name="Path">The path and query sent (shortened in tables).</param>
/// <param name="StatusCode">The status code received.</param>
/// <param name="Reason">The status code's reason phrase, e.g. "Payload Too Large".</param>
/// <param name="AnsweredBy">Which part of the server stopped (or served) the request, as the server recorded it.</param>
/// <param name="Body">The response body (empty when Kestrel refused the request itself).</param>
public sealed record LimitResult(string What, string Method, string Path, int StatusCode, string Reason, string AnsweredBy, string Body);

/// <summary>The answers to <see cref="LimitsServer.ProbeAllAsync"/>, shown as a table.</summary>
public sealed class LimitReport(IReadOnlyList<LimitResult> rows) : IHtmlContent
{
    /// <summary>One row per request, in the order sent.</summary>
    public IReadOnlyList<LimitResult> Rows { get; } = rows;

    /// <summary>The row whose <see cref="LimitResult.What"/> contains <paramref name="what"/>.</summary>
    public LimitResult this[string what] => Rows.First(r => r.What.Contains(what, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var table = new HtmlTable("What the server answered")
            .Column("request").Column("sent").Column("status").Column("stopped by", "the furthest stage the request reached, recorded by the server")
            .Column("body", "the start of the response body; empty when Kestrel refused the request");
        foreach (var r in Rows)
        {
            var path = r.Path.Length > 40 ? r.Path[..37] + "…" : r.Path;
            var body = r.Body.Length > 90 ? r.Body[..87] + "…" : r.Body;
            table.Row(r.What, $"{r.Method} {path}", $"{r.StatusCode} {r.Reason}", r.AnsweredBy, body);
        }
        table.WriteTo(writer, encoder);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("\n", Rows.Select(r => $"{r.StatusCode,3} {r.What} — {r.AnsweredBy}"));
}
