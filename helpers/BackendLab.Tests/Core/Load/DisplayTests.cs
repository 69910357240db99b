namespace BackendLab.Tests.Core;

[Collection("servers")]
public class DisplayTests
{
    [Fact]
    public async Task ASweepRunsEachConcurrencyAndChartsItWithLittlesLaw()
    {
        var server = await LoadTestServer.StartAsync();
        var sweep = await BackendLab.Load.SweepAsync(server.Url + "/delay?ms=10", concurrencies: [1, 4], duration: TimeSpan.FromSeconds(0.5));

        Assert.Equal([1, 4], sweep.Points.Select(p => p.Concurrency));
        Assert.True(sweep.Points[1].RequestsPerSecond > 2 * sweep.Points[0].RequestsPerSecond, sweep.ToString());
        var html = sweep.ToChart().ToString();
        Assert.Contains("Little", html);
        Assert.Contains("p99 (ms)", html);
        Assert.Contains("<table", Html(sweep));
    }

    [Fact]
    public async Task AResultShowsATableWithLegendsAndOneLineSummary()
    {
        var server = await LoadTestServer.StartAsync();
        var r = await BackendLab.Load.RunAsync(server.Url + "/ok", new LoadOptions { Concurrency = 2, Duration = TimeSpan.FromSeconds(0.5), Warmup = TimeSpan.Zero });

        Assert.Contains($"{Environment.ProcessorCount} cores", r.ToString());
        Assert.Contains("closed loop, 2 users", r.ToString());
        var html = Html(r);
        Assert.Contains("99 % of requests finished faster than this", html);
        Assert.Contains("<table", html);
        Assert.Contains("plotly", r.ToChart().ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Second by second", r.ToTimelineChart().ToString());
    }

    [Fact]
    public async Task SweepNeedsExactlyOneOfConcurrenciesAndRates() =>
        await Assert.ThrowsAsync<ArgumentException>(() => BackendLab.Load.SweepAsync("http://127.0.0.1:1/", concurrencies: [1], rates: [10]));

    static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
