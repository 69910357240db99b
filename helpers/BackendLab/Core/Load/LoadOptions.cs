using System.Text.Json.Serialization;

namespace BackendLab;

/// <summary>
/// The shape of a load run, whatever it targets: <c>Load.RunAsync(url, new LoadOptions())</c> is a sensible closed-loop
/// run: 8 users for 5 seconds after a 0.5 s warm-up. Set <see cref="Rate"/> for an open-loop run. One options object
/// serves many targets and sweeps: <c>Load.RunAsync(lab.Url + "/delay?ms=20", options)</c>.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>
    /// Closed loop: the number of simulated users, each sending its next request as soon as the previous one is answered
    /// (so at most this many requests are in flight). Open loop: the number of connections, which caps the requests in flight.
    /// Default 8 (closed loop); for an open loop, null means 256.
    /// </summary>
    public int? Concurrency { get; init; }

    /// <summary>
    /// Null (default): closed loop. A number: open loop at this many requests per second, sent on a fixed schedule
    /// whatever the server does; latency is counted from each request's scheduled time, so a stalled server cannot hide.
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>How long the measured phase lasts. Default 5 s; at most 10 minutes.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Load applied before measuring, to open connections and warm up both sides (JIT, caches). The connections carry
    /// into the measured phase. Requests that start and end in the warm-up are not counted. Closed loop: a warm-up request still
    /// in flight when the measured phase starts is counted in the measured phase, with its whole latency (it keeps its user
    /// busy there). Open loop: only requests scheduled in the measured phase are counted. Default 0.5 s.
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The most requests the measured phase counts (including closed-loop requests carried over from the warm-up); the run stops early when reached. Default 10 million.</summary>
    public long MaxRequests { get; init; } = 10_000_000;

    /// <summary>
    /// A request not answered within this time counts as a timeout and its connection is closed. Requests still in flight when
    /// the measured phase ends are waited for up to this long, so a run may last up to Warmup + Duration + Timeout. Default 2 s (as wrk).
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The HTTP method. Default GET.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>A request body (sent with Content-Length), or null for none. Default null.</summary>
    public string? Body { get; init; }

    /// <summary>The body's Content-Type when <see cref="Body"/> is set. Default <c>application/json</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>
    /// Receives the run's progress every 250 ms and its summary at the end (see <see cref="LiveProgress"/>), in or outside a
    /// notebook. Default: none (in a notebook, a run of 2 s or more shows a live bar by itself).
    /// </summary>
    [JsonIgnore]
    public IProgress<LiveProgressReport>? Progress { get; init; }

    /// <summary>
    /// True: the requests leave from ANOTHER process, a lab server started for the purpose (and reused by later runs), which runs
    /// this same engine and sends back its result. Why you would want it: a server running in the notebook shares the
    /// notebook's process with an in-process generator, so both compete for one thread pool, one garbage collector and one
    /// CPU account. When the server's own threads are the thing under test (a starved pool, a long GC pause), an in-process
    /// generator is slowed down by the very problem it measures and reports the server's delay late or not at all; a
    /// generator in its own process keeps its schedule. The result is the same kind of <see cref="LoadResult"/> (latencies,
    /// timeline, errors by kind), its <see cref="LoadResult.ClientCpuTime"/> is the generator process's CPU, and
    /// <see cref="LoadResult.GeneratorProcessId"/> says which process sent the load. The first such run also starts that
    /// process; later runs reuse it. Default false: the load runs in this process.
    /// </summary>
    public bool InSeparateProcess { get; init; }

    /// <summary>
    /// How the closed loop drives its connections. Default: <see cref="BestEngine"/>, the platform's best:
    /// <see cref="LoadEngineKind.Epoll"/> on Linux (x64, arm64), <see cref="LoadEngineKind.Sockets"/> elsewhere.
    /// An open loop (<see cref="Rate"/> set) always runs on <see cref="LoadEngineKind.Sockets"/>.
    /// </summary>
    public LoadEngineKind Engine { get; init; } = BestEngine;

    /// <summary>The best engine this machine supports: <see cref="LoadEngineKind.Epoll"/> on Linux (x64, arm64), else <see cref="LoadEngineKind.Sockets"/>.</summary>
    public static LoadEngineKind BestEngine => LoadEngine.Epoll.IsSupported ? LoadEngineKind.Epoll : LoadEngineKind.Sockets;

    /// <summary>True for an open-loop run (<see cref="Rate"/> is set).</summary>
    [JsonIgnore]
    public bool IsOpenLoop => Rate is not null;

    /// <summary>The concurrency actually used: <see cref="Concurrency"/>, or 8 (closed loop) / 256 (open loop).</summary>
    [JsonIgnore]
    public int EffectiveConcurrency => Concurrency ?? (IsOpenLoop ? 256 : 8);

    /// <summary>Throws with a clear message if a value is out of range or <paramref name="url"/> is not on this machine.</summary>
    internal void Validate(string url)
    {
        if (!Loopback.Require(url).Scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Load runs speak plain HTTP/1.1; '{url}' is not an http:// address.", nameof(url));
        if (EffectiveConcurrency is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(Concurrency), EffectiveConcurrency, "Concurrency must be between 1 and 10,000.");
        if (Rate is { } r && (r <= 0 || r > 1_000_000 || double.IsNaN(r))) throw new ArgumentOutOfRangeException(nameof(Rate), r, "Rate must be between 0 and 1,000,000 requests per second.");
        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromMinutes(10)) throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "Duration must be positive and at most 10 minutes.");
        if (Warmup < TimeSpan.Zero || Warmup > TimeSpan.FromMinutes(1)) throw new ArgumentOutOfRangeException(nameof(Warmup), Warmup, "Warmup must be between 0 and 1 minute.");
        if (MaxRequests < 1) throw new ArgumentOutOfRangeException(nameof(MaxRequests), MaxRequests, "MaxRequests must be at least 1.");
        if (!Enum.IsDefined(Engine)) throw new ArgumentOutOfRangeException(nameof(Engine), Engine, "Engine must be LoadEngineKind.Sockets or LoadEngineKind.Epoll.");
        if (Engine == LoadEngineKind.Epoll && !LoadEngine.Epoll.IsSupported)
            throw new ArgumentException("LoadEngineKind.Epoll needs Linux on x64 or arm64; use LoadEngineKind.Sockets (or leave Engine at its default) on this machine.", nameof(Engine));
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(1)) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive and at most 1 minute.");
    }
}
