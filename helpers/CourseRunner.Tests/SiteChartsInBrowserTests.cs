using BackendFundamentals.TestSupport;
using Microsoft.Playwright;

namespace CourseRunner.Tests;

/// <summary>
/// The site must show charts with no network at all: a lesson page opened from disk in Debian's
/// headless Chromium (Debian's, or the one the devcontainer installs) draws every chart from the local plotly.js, requests nothing from outside,
/// and logs no console error.
/// </summary>
public class SiteChartsInBrowserTests
{
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    [ChromiumFact]
    public async Task A_lesson_page_draws_its_charts_offline_without_console_errors()
    {
        var notebook = new TempNotebook(name: "charts").Markdown("# Charts offline").Code(
            $"#r \"{RunnerCli.BackendLabDll}\"\nusing BackendLab;",
            "Chart.Line(\"Latency by concurrency\").Add(\"p50\", [1, 8, 64], [2.5, 3.1, 9.8]).XAxis(\"concurrency\", log: true).YAxis(\"ms\")",
            "display(Chart.Bar(\"Requests by status\").Add(\"count\", [\"200\", \"404\"], [97, 3]));\ndisplay(Chart.Histogram(\"Latencies\").Add(\"ms\", [1, 2, 2, 3, 3, 3, 4]));");
        var site = Path.Combine(notebook.Folder, "site");
        var (exit, stdout) = await RunnerCli.RunAsync(notebook.Save(), "--out", site);
        Assert.True(exit == 0, stdout);

        var (titles, outside, errors) = await OpenOfflineAsync(Path.Combine(site, "charts.html"), expectedCharts: 3);

        Assert.Empty(outside);
        Assert.Empty(errors);
        Assert.Equal(["Latency by concurrency", "Requests by status", "Latencies"], titles);
    }

    /// <summary>Opens a page from disk with every non-file request refused; returns the drawn chart titles,
    /// the refused URLs and the console/page errors.</summary>
    private static async Task<(List<string> Titles, List<string> Outside, List<string> Errors)> OpenOfflineAsync(string page, int expectedCharts)
    {
        var chromium = Prerequisite.Chromium.Require();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumFlags });
        var tab = await browser.NewPageAsync();
        List<string> outside = [], errors = [];
        await tab.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal)) await route.ContinueAsync();
            else { outside.Add(route.Request.Url); await route.AbortAsync(); }
        });
        tab.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        tab.PageError += (_, error) => errors.Add(error);

        await tab.GotoAsync(new Uri(page).AbsoluteUri);
        await tab.WaitForFunctionAsync($"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {expectedCharts}",
            null, new() { Timeout = 30_000 });
        var titles = (await tab.Locator(".js-plotly-plot .gtitle").AllTextContentsAsync()).ToList();
        return (titles, outside, errors);
    }
}
