using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// A server whose pipeline is instrumented stage by stage (Lesson 4): Kestrel connection middleware stamps the
/// TCP accept and the first bytes on the socket, middleware placed around <c>UseRouting</c> stamps routing, and an
/// endpoint filter stamps the handler (after binding). <see cref="SendAsync(HttpRequestMessage, bool, string?)"/>
/// sends one request and returns its <see cref="RequestJourney"/>.
/// <code>
/// var journeys = await JourneyServer.StartAsync("journey", endpoints: app => app.MapGet("/hello", () => "hi"));
/// var first = await journeys.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/hello"));
/// first.Waterfall()
/// </code>
/// </summary>
public sealed partial class JourneyServer : ServerHandle
{
    const string Header = "X-Journey-Id";
    readonly ConcurrentDictionary<string, RequestMarks> _marks;
    readonly SocketsHttpHandler _shared = NewHandler(null);
    readonly RunningServer _app;
    int _count;

    JourneyServer(RunningServer app, ConcurrentDictionary<string, RequestMarks> marks) : base(app.Name, app.BaseAddress) =>
        (_app, _marks) = (app, marks);

    /// <summary>
    /// Starts an instrumented server. Starting another under the same <paramref name="name"/> stops this one first.
    /// </summary>
    /// <param name="name">A name for the server, so running the cell again replaces it.</param>
    /// <param name="endpoints">Maps the endpoints, e.g. <c>app => app.MapPost("/orders/{id}", ...)</c>. Their handlers are timed.</param>
    /// <param name="middleware">Optional middleware of yours, placed after the server's first middleware and before routing. Default: none.</param>
    public static Task<JourneyServer> StartAsync(string name, Action<IEndpointRouteBuilder> endpoints, Action<WebApplication>? middleware = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Servers.StartAsync(name, async () =>
        {
            var marks = new ConcurrentDictionary<string, RequestMarks>();
            var options = new ServerOptions
            {
                Environment = "Production", RecordRequests = false,
                Kestrel = k => k.AddServerHeader = false, Listen = l => l.Use(ConnectionMarks.Middleware),
            };
            var app = await ServerFactory.StartAsync(name, _ => { }, app => Configure(app, marks, endpoints, middleware), options);
            return new JourneyServer(app, marks);
        });
    }

    static void Configure(WebApplication app, ConcurrentDictionary<string, RequestMarks> journeys, Action<IEndpointRouteBuilder> endpoints, Action<WebApplication>? middleware)
    {
        // 1. The first middleware: the request has been parsed by Kestrel when we get here.
        app.Use(async (context, next) =>
        {
            var entry = Stopwatch.GetTimestamp();
            var id = context.Request.Headers[Header].ToString();
            var marks = new RequestMarks { PipelineEntry = entry };
            if (context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ConnectionMarks.Key, out var value) == true && value is ConnectionMarks connection)
            {
                marks.Accepted = connection.Accepted;
                marks.FirstByte = connection.FirstByte;
                marks.RequestOnConnection = Interlocked.Increment(ref connection.Requests);
            }
            context.Items[typeof(RequestMarks)] = marks;
            context.Response.OnStarting(() => { marks.ResponseStarted = Stopwatch.GetTimestamp(); return Task.CompletedTask; });
            try { await next(context); }
            finally
            {
                marks.StatusCode = context.Response.StatusCode;
                marks.PipelineEnd = Stopwatch.GetTimestamp();
                if (context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ConnectionMarks.Key, out var c) == true && c is ConnectionMarks conn)
                    conn.NextRequest();
                if (id.Length > 0) journeys[id] = marks;
            }
        });
        // 2. The learner's middleware, if any.
        middleware?.Invoke(app);
        // 3. Routing, with a stamp on each side.
        app.Use((context, next) => { Marks(context).RoutingStart = Stopwatch.GetTimestamp(); return next(context); });
        app.UseRouting();
        app.Use((context, next) =>
        {
            var marks = Marks(context);
            marks.RoutingEnd = Stopwatch.GetTimestamp();
            var endpoint = context.GetEndpoint();
            marks.RoutePattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
            var methods = endpoint?.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            marks.Endpoint = endpoint is null ? null
                : marks.RoutePattern is null ? endpoint.DisplayName
                : $"{(methods is { Count: > 0 } ? string.Join("|", methods) + " " : "")}/{marks.RoutePattern.TrimStart('/')}";
            return next(context);
        });
        // 4. The endpoints. An endpoint filter runs after binding, just around the handler.
        var group = app.MapGroup("");
        group.AddEndpointFilter(async (invocation, next) =>
        {
            var marks = Marks(invocation.HttpContext);
            // Minimal APIs run filters even when binding a route or query value failed (status already 400): no handler then.
            if (invocation.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest) return await next(invocation);
            marks.HandlerStart = Stopwatch.GetTimestamp();
            try { return await next(invocation); }
            finally { marks.HandlerEnd = Stopwatch.GetTimestamp(); }
        });
        endpoints(group);
    }

    static RequestMarks Marks(HttpContext context) =>
        context.Items[typeof(RequestMarks)] as RequestMarks ?? throw new InvalidOperationException("The journey middleware did not run.");

    /// <summary>
    /// Sends <paramref name="request"/> (relative URIs are resolved against <see cref="IServerHandle.BaseAddress"/>), reads the whole response,
    /// and returns the request's measured journey.
    /// </summary>
    /// <param name="request">The request to send.</param>
    /// <param name="newConnection">Open a fresh TCP connection (true, default) or reuse this server's kept-alive one (false).</param>
    /// <param name="label">The name shown in charts. Default: "request N".</param>
    public async Task<RequestJourney> SendAsync(HttpRequestMessage request, bool newConnection = true, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var n = Interlocked.Increment(ref _count);
        var id = $"{n}-{Guid.NewGuid():N}";
        request.RequestUri = request.RequestUri is null ? BaseAddress : request.RequestUri.IsAbsoluteUri ? request.RequestUri : new Uri(BaseAddress, request.RequestUri);
        Loopback.Require(request.RequestUri);
        request.Headers.TryAddWithoutValidation(Header, id);
        var connect = new ConnectTimes();
        var handler = newConnection ? NewHandler(connect) : _shared;
        var invoker = new HttpMessageInvoker(handler, disposeHandler: newConnection);
        try
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await invoker.SendAsync(request, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            await response.Content.ReadAsByteArrayAsync();
            var body = Stopwatch.GetTimestamp();
            var marks = await WaitForMarksAsync(id);
            return Build(label ?? $"request {n}", t0, connect, body, marks, (int)response.StatusCode, newConnection);
        }
        finally { if (newConnection) invoker.Dispose(); }
    }

    async Task<RequestMarks> WaitForMarksAsync(string id)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 2;
        while (true)
        {
            if (_marks.TryRemove(id, out var marks)) return marks;
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException("The server never finished recording this request.");
            await Task.Delay(1);
        }
    }

    /// <summary>Stops the server.</summary>
    protected override async Task StopServerAsync()
    {
        _shared.Dispose();
        await _app.StopAsync();
    }

    /// <inheritdoc/>
    protected override string Kind => "ASP.NET Core, instrumented stage by stage";

    /// <inheritdoc/>
    protected override string Activity => $"{_count} journey(s) measured";
}
