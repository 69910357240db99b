using System.Diagnostics;
using System.Globalization;

namespace BackendLab;

/// <summary>The live bar of a load run and of a sweep (see <see cref="LiveProgress"/>): seconds done, requests so far, then the summary.</summary>
internal static class LoadProgress
{
    /// <summary>Runs <paramref name="run"/>, reporting every 250 ms while anyone watches, and completes with the result's summary.</summary>
    public static Task<LoadResult> TrackAsync(LoadEngine.LoadRun run, string url, LoadOptions options) =>
        TrackAsync(() => run.RunAsync(), () => $"{run.MeasuredSoFar.ToString("#,0", CultureInfo.InvariantCulture)} requests measured", url, options);

    /// <summary>
    /// Runs <paramref name="run"/> (a load run anywhere, e.g. in another process), reporting the time against the plan and
    /// <paramref name="soFar"/> every 250 ms while anyone watches, and completes with the result's summary.
    /// </summary>
    public static async Task<LoadResult> TrackAsync(Func<Task<LoadResult>> run, Func<string> soFar, string url, LoadOptions options)
    {
        var planned = options.Warmup + options.Duration;
        using var live = LiveProgress.StartIfLong(Title(url, options), planned, options.Progress);
        if (!live.IsWatched) return await run();
        using var stop = new CancellationTokenSource();
        var ticker = TickAsync(live, soFar, planned, stop.Token);
        try
        {
            var result = await run();
            stop.Cancel();
            await ticker;
            live.Complete(Summary(result));
            return result;
        }
        finally
        {
            stop.Cancel();
            await ticker;
        }
    }

    /// <summary>The bar of a whole sweep: one part per run.</summary>
    public static LiveProgress StartSweep(string url, IReadOnlyList<LoadOptions> runs, IProgress<LiveProgressReport>? progress)
    {
        var planned = runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Warmup + r.Duration);
        return LiveProgress.StartIfLong($"Sweep: {runs.Count} runs on {Path(url)}, about {planned.TotalSeconds:0} s", planned, progress);
    }

    /// <summary>"8 users" or "500 req/s offered": how a sweep names one of its runs.</summary>
    public static string Label(LoadOptions o) => o.IsOpenLoop
        ? $"{o.Rate!.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} req/s offered"
        : $"{o.EffectiveConcurrency} user{(o.EffectiveConcurrency == 1 ? "" : "s")}";

    static async Task TickAsync(LiveProgress live, Func<string> soFar, TimeSpan planned, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                await Task.Delay(LiveProgress.UpdateInterval, stop);
                var elapsed = clock.Elapsed;
                live.Report(elapsed / planned, $"{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} of " +
                    $"{planned.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s · {soFar()}");
            }
        }
        catch (OperationCanceledException) { }
    }

    static string Title(string url, LoadOptions o) =>
        $"Load run: {Label(o)}, {o.Duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s on {Path(url)}";

    static string Path(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;

    static string Summary(LoadResult r) =>
        $"{r.Count.ToString("#,0", CultureInfo.InvariantCulture)} requests in {r.Window.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s · " +
        $"{r.RequestsPerSecond.ToString("#,0", CultureInfo.InvariantCulture)} req/s · p99 {Durations.Format(r.P99)}" + (r.Errors > 0 ? $" · {r.Errors:#,0} errors" : "") +
        (r.FromSeparateProcess ? $" · sent from process {r.GeneratorProcessId}" : "");
}
