using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab.Tests.Core;

/// <summary>Summaries that say what happened: no percentile when nothing completed, and throughput that counts only successes.</summary>
[Collection("servers")]
public class HonestSummaryTests
{
    static string HtmlOf(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public async Task A_run_where_nothing_completes_shows_none_completed_not_zero_milliseconds()
    {
        var server = await LoadTestServer.StartAsync();
        var options = new LoadOptions { Concurrency = 2, Duration = TimeSpan.FromSeconds(0.6), Warmup = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(0.3) };
        // every request exceeds the timeout
        var r = await Load.RunAsync(server.Url + "/delay?ms=3000", options);

        Assert.True(r.NoneCompleted, r.ToString());
        Assert.True(r.Errors > 0 && r.ErrorsByKind.ContainsKey("timeout"), r.ToString());
        Assert.Equal(0, r.RequestsPerSecond);
        Assert.True(r.ErrorsPerSecond > 0, r.ToString());
        Assert.Contains("p50 none completed, p90 none completed, p99 none completed, max none completed", r.ToString());
        var html = HtmlOf(r);
        Assert.Contains(">none completed<", html);
        Assert.DoesNotContain("0.000 ms", html);

        var sweep = await Load.SweepAsync(server.Url + "/delay?ms=3000", concurrencies: [1, 2], duration: TimeSpan.FromSeconds(0.4), options: options);
        var row = sweep.ToTable().ToString();
        Assert.Contains(">none completed<", row);
        Assert.DoesNotContain("0.000 ms", row);
    }

    [Fact]
    public async Task A_limiter_runs_throughput_counts_only_its_200s_and_its_rejections_stand_beside_it()
    {
        await using var server = await Servers.StartAsync("honest-limiter",
            builder => builder.Services.AddRateLimiter(o => o.AddConcurrencyLimiter("one", l => { l.PermitLimit = 1; l.QueueLimit = 0; })),
            app =>
            {
                app.UseRateLimiter();
                app.MapGet("/slow", async () => { await Task.Delay(50); return "done"; }).RequireRateLimiting("one");
            });
        var r = await Load.RunAsync(server.Url + "/slow", new LoadOptions { Concurrency = 8, Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.2) });

        var rejected = r.ErrorsByKind.GetValueOrDefault("HTTP 503");
        Assert.True(rejected > r.Ok, r.ToString());                               // most of the 8 users were refused at once
        // one permit, 50 ms a request: at most 20 successes a second (a generous cap for a busy machine's timer)
        Assert.True(r.RequestsPerSecond <= 1000 / 50.0 * 1.1, r.ToString());
        Assert.True(r.RequestsPerSecond * r.Window.TotalSeconds <= r.Ok + 1, r.ToString());
        Assert.True(r.ErrorsPerSecond > 5 * r.RequestsPerSecond, r.ToString());   // the 503s are beside it, not in it
        Assert.InRange(r.ResponsesPerSecond, r.RequestsPerSecond + r.ErrorsPerSecond * 0.9, r.RequestsPerSecond + r.ErrorsPerSecond * 1.01 + 1);
        var html = HtmlOf(r);
        Assert.Contains("errors/s", html);
        Assert.Contains("HTTP 503 × ", html);
    }

    [Fact]
    public async Task Client_runs_count_error_statuses_as_errors_not_throughput()
    {
        var server = await LoadTestServer.StartAsync();
        var r = await ClientRun.RunAsync(server.Url + "/flaky", clients: 2, requestsPerClient: 20);
        Assert.True(r.Ok > 0 && r.Errors > 0, r.ToString());
        Assert.Equal(r.Count, r.Ok + r.Errors);
        Assert.InRange(r.RequestsPerSecond, 0, r.Ok / r.Elapsed.TotalSeconds + 0.001);
    }
}
