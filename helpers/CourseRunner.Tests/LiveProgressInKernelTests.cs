using System.Globalization;
using System.Text.RegularExpressions;
using CourseRunner.Execution;
using CourseRunner.Kernel;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace CourseRunner.Tests;

/// <summary>
/// BackendLab's live progress bar in the real kernel: a 2-second load run in a cell makes the kernel emit one display and
/// several in-place updates of it (reached through reflection; BackendLab references no kernel package), and what the
/// runner records, as a saved notebook keeps it, is the final state with the run's own numbers.
/// </summary>
public class LiveProgressInKernelTests
{
    [Fact]
    public async Task A_long_load_run_updates_its_bar_in_place_while_it_runs_and_keeps_its_final_state()
    {
        var folder = Directory.CreateTempSubdirectory("live-progress-").FullName;
        var tool = KernelTool.Find();
        await tool.EnsureRestoredAsync();
        await using var kernel = await KernelConnection.StartWarmAsync(tool, folder, NotebookExecutor.StartTimeout);

        var submit = new SubmitCode($$"""
            #r "{{RunnerCli.BackendLabDll}}"
            using BackendLab;
            using Microsoft.AspNetCore.Builder;
            var server = await Servers.StartAsync("live", app => { app.MapGet("/", () => "hi"); });
            var result = await Load.RunAsync(server.Url + "/", new LoadOptions { Concurrency = 2, Duration = TimeSpan.FromSeconds(2), Warmup = TimeSpan.FromSeconds(0.3) });
            Console.WriteLine($"COUNT {result.Count}");
            await server.StopAsync();
            """, "csharp");
        var token = submit.GetOrCreateToken();
        kernel.Send(submit);

        var events = new List<KernelEvent>();
        var recorder = new CellRecorder();
        recorder.StartCell();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        KernelEvent? end = null;
        while (end is null && await kernel.Events.WaitToReadAsync(deadline.Token))
            while (kernel.Events.TryRead(out var e))
            {
                if (e.Command?.GetOrCreateToken() is not { } owner || !(owner == token || owner.StartsWith(token + ".", StringComparison.Ordinal))) continue;
                if (e is CommandSucceeded or CommandFailed && owner == token) { end = e; break; }
                events.Add(e);
                recorder.Record(e);
            }

        Assert.True(end is CommandSucceeded, (end as CommandFailed)?.Message);
        static string Html(DisplayEvent e) => e.FormattedValues.Single(v => v.MimeType == "text/html").Value;
        var shown = Assert.Single(events.OfType<DisplayedValueProduced>(), d => Html(d).Contains("data-backendlab-live"));
        Assert.Contains("data-backendlab-live=\"running\"", Html(shown));
        var updates = events.OfType<DisplayedValueUpdated>().Select(Html).ToList();
        Assert.True(updates.Count >= 4, $"{updates.Count} updates in a 2.3 s run");
        Assert.Contains(updates, u => u.Contains("data-backendlab-live=\"running\"") && u.Contains("requests measured"));
        Assert.Contains("data-backendlab-live=\"done\"", updates[^1]);

        var count = long.Parse(Regex.Match(string.Concat(events.OfType<StandardOutputValueProduced>().Select(e => e.FormattedValues.First().Value)), @"COUNT (\d+)").Groups[1].Value);
        var saved = Assert.Single(recorder.Outputs.OfType<DataOutput>(), o => o.Data.GetValueOrDefault("text/html")?.Contains("data-backendlab-live") == true);
        Assert.Contains("data-backendlab-live=\"done\"", saved.Data["text/html"]);
        Assert.Contains($"{count.ToString("#,0", CultureInfo.InvariantCulture)} requests in ", saved.Data["text/html"]);
    }
}
