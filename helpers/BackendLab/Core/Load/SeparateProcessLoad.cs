using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace BackendLab;

/// <summary>
/// A load run whose requests leave from another process: what <c>Load.RunAsync(url, new LoadOptions { InSeparateProcess = true })</c>
/// does. BackendLab starts a lab server for the purpose (once, then reuses it; it exits with this process), posts the run to
/// its <c>/load</c>, and the lab server runs this same engine there, calling <see cref="RunSerializedAsync"/>. Notebooks never
/// call this class: they set <see cref="LoadOptions.InSeparateProcess"/>.
/// </summary>
public static class SeparateProcessLoad
{
    /// <summary>Time allowed beyond the run's own bound (warm-up + duration + timeout + 1 s) for starting the engine there and answering.</summary>
    static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    static readonly SemaphoreSlim Gate = new(1, 1);
    static LabProcess? _generator;

    /// <summary>
    /// The other end, called in the generator's process (by the lab server, through reflection): reads a load request
    /// (JSON: the URL and the <see cref="LoadOptions"/>), runs it with the in-process engine, and returns the
    /// <see cref="LoadResult"/> as JSON, latencies encoded by HdrHistogram. The URL must be on this machine
    /// (<see cref="Loopback"/>); an invalid request throws <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="request">The load request, as BackendLab writes it.</param>
    /// <param name="cancel">Stops the run early (the client went away): no new request is sent.</param>
    public static async Task<string> RunSerializedAsync(string request, CancellationToken cancel)
    {
        var (url, options) = LoadWire.ReadRequest(request);
        var run = new LoadEngine.LoadRun(url, options with { InSeparateProcess = false, Progress = null });
        return LoadWire.WriteResult(await run.RunAsync(cancel));
    }

    /// <summary>Runs <paramref name="options"/> against <paramref name="url"/> in the generator process and returns its result.</summary>
    internal static Task<LoadResult> RunAsync(string url, LoadOptions options)
    {
        options.Validate(url);   // on this side too, before any process starts
        var generatorId = 0;
        return LoadProgress.TrackAsync(async () =>
        {
            var generator = await GeneratorAsync();
            generatorId = generator.ProcessId;
            var bound = options.Warmup + options.Duration + options.Timeout + TimeSpan.FromSeconds(1) + Margin;
            using var client = LoopbackHandler.CreateClient(generator.BaseAddress, bound);   // gives up (and the run stops there) after the bound
            using var response = await client.PostAsync(LabServerProtocol.LoadPath, new StringContent(LoadWire.WriteRequest(url, options), System.Text.Encoding.UTF8, "application/json"));
            if (response.IsSuccessStatusCode) return LoadWire.ReadResult(await response.Content.ReadAsStringAsync());
            var problem = await ReadProblemAsync(response);
            throw (int)response.StatusCode == 400
                ? new ArgumentException(problem, nameof(url))
                : new InvalidOperationException($"The load generator (process {generator.ProcessId}) answered {(int)response.StatusCode}: {problem}");
        }, () => generatorId == 0 ? "starting the load generator's process" : $"load sent from process {generatorId}", url, options);
    }

    static async Task<string> ReadProblemAsync(HttpResponseMessage response)
    {
        try { return (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail ?? response.ReasonPhrase ?? ""; }
        catch (System.Text.Json.JsonException) { return await response.Content.ReadAsStringAsync(); }
    }

    /// <summary>Starts the generator process now, if it is not running, so that a later run does not wait for it (a check can start it while it prepares its servers).</summary>
    internal static Task StartGeneratorAsync() => GeneratorAsync();

    /// <summary>The generator process: the running one, or a new one when there is none (or it exited).</summary>
    static async Task<LabProcess> GeneratorAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_generator is { IsRunning: true, HasExited: false } running) return running;
            return _generator = await LabProcess.StartUnlistedAsync("load generator");
        }
        finally { Gate.Release(); }
    }
}
