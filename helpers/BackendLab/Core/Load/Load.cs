namespace BackendLab;

/// <summary>
/// The load generator: sends many requests to a server on this machine and measures throughput and latency,
/// as wrk (closed loop) and wrk2 (open loop) do. Every run is bounded in time and in request count and stops by itself.
/// <code>
/// var r = await Load.RunAsync(server.Url + "/hello", concurrency: 8);           // 8 users, 5 s
/// var o = await Load.RunAtRateAsync(server.Url + "/hello", rate: 500);          // 500 req/s on a schedule
/// var sweep = await Load.SweepAsync(server.Url + "/hello", concurrencies: [1, 8, 64], duration: TimeSpan.FromSeconds(2));
/// </code>
/// </summary>
public static class Load
{
    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> users, each sending its next request as soon as the previous one is
    /// answered, for <paramref name="duration"/> (default 5 s) after a 0.5 s warm-up.
    /// </summary>
    /// <param name="url">A loopback address, e.g. <c>http://127.0.0.1:5000/hello</c>.</param>
    /// <param name="concurrency">Simulated users (requests in flight). Default 8.</param>
    /// <param name="duration">Length of the measured phase. Default 5 s.</param>
    /// <param name="maxRequests">Stop after this many measured requests. Default 10 million.</param>
    public static Task<LoadResult> RunAsync(string url, int concurrency = 8, TimeSpan? duration = null, long maxRequests = 10_000_000) =>
        RunAsync(url, new LoadOptions { Concurrency = concurrency, Duration = duration ?? TimeSpan.FromSeconds(5), MaxRequests = maxRequests });

    /// <summary>
    /// Open loop: requests leave at <paramref name="rate"/> per second on a fixed schedule, whatever the server does,
    /// over at most <paramref name="connections"/> connections. Latency counts from each request's scheduled time, so a
    /// server that stalls shows it (no "coordinated omission").
    /// </summary>
    /// <param name="url">A loopback address.</param>
    /// <param name="rate">Requests per second to offer.</param>
    /// <param name="duration">Length of the measured phase. Default 5 s.</param>
    /// <param name="connections">Cap on requests in flight; more are queued (late), beyond twice this they are dropped. Default 256.</param>
    public static Task<LoadResult> RunAtRateAsync(string url, double rate, TimeSpan? duration = null, int connections = 256) =>
        RunAsync(url, new LoadOptions { Rate = rate, Concurrency = connections, Duration = duration ?? TimeSpan.FromSeconds(5) });

    /// <summary>Runs the load <paramref name="options"/> describe against <paramref name="url"/> (closed loop, or open loop when <see cref="LoadOptions.Rate"/> is set).</summary>
    /// <param name="url">A loopback address, e.g. <c>lab.Url + "/delay?ms=20"</c>.</param>
    /// <param name="options">Users or rate, duration, warm-up, timeout…; <c>new LoadOptions()</c> is 8 users for 5 s.</param>
    /// <remarks>
    /// A run of 2 s or more shows a live progress bar in a notebook while it runs (see <see cref="LiveProgress"/>). With
    /// <see cref="LoadOptions.InSeparateProcess"/> the same engine runs in a process of its own and sends back its result.
    /// </remarks>
    public static Task<LoadResult> RunAsync(string url, LoadOptions options) => options.InSeparateProcess
        ? SeparateProcessLoad.RunAsync(url, options)
        : LoadProgress.TrackAsync(new LoadEngine.LoadRun(url, options), url, options);

    /// <summary>
    /// Runs the same load once per concurrency (closed loop) or once per rate (open loop), one after another,
    /// and returns every result; <c>sweep.ToChart()</c> plots throughput and latency against the swept value.
    /// Give exactly one of <paramref name="concurrencies"/> and <paramref name="rates"/>.
    /// </summary>
    /// <param name="url">A loopback address.</param>
    /// <param name="concurrencies">Closed loop: the numbers of users to try, e.g. <c>[1, 8, 64]</c>.</param>
    /// <param name="rates">Open loop: the rates to try, in requests per second.</param>
    /// <param name="duration">Measured phase of each run. Default 2 s.</param>
    /// <param name="options">Anything else (warm-up, timeout, connections for open loop...); its Concurrency/Rate and Duration are replaced.</param>
    public static async Task<LoadSweep> SweepAsync(string url, int[]? concurrencies = null, double[]? rates = null, TimeSpan? duration = null, LoadOptions? options = null)
    {
        if ((concurrencies is null) == (rates is null))
            throw new ArgumentException("Give either concurrencies: [1, 8, 64] (closed loop) or rates: [100, 1000] (open loop), not both or neither.");
        var template = (options ?? new LoadOptions()) with { Duration = duration ?? TimeSpan.FromSeconds(2) };
        template.Validate(url);
        var runs = concurrencies is not null
            ? concurrencies.Select(c => template with { Concurrency = c, Rate = null })
            : rates!.Select(r => template with { Rate = r });
        var plan = runs.ToList();
        var results = new List<LoadResult>();
        using var live = LoadProgress.StartSweep(url, plan, template.Progress);
        for (var i = 0; i < plan.Count; i++)
        {
            live.Segment(i, plan.Count, $"run {i + 1} of {plan.Count} ({LoadProgress.Label(plan[i])})");
            results.Add(await RunAsync(url, plan[i] with { Progress = null }));
        }
        var sweep = new LoadSweep(results);
        live.Complete($"{plan.Count} runs: " + string.Join(", ", results.Select((r, i) => $"{LoadProgress.Label(plan[i])} → {r.RequestsPerSecond:#,0} req/s")));
        return sweep;
    }
}
