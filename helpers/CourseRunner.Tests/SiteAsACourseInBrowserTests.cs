using BackendFundamentals.TestSupport;
using Microsoft.Playwright;

namespace CourseRunner.Tests;

/// <summary>
/// The site reads as a course: an index with the introduction and each lesson's objectives, time and practice; previous /
/// next links on every page; lesson prose linked to the glossary's anchors; a troubleshooting page. Every page is opened
/// from disk in headless Chromium with no network: no console error, and every link and anchor resolves.
/// </summary>
public class SiteAsACourseInBrowserTests
{
    [ChromiumFact]
    public async Task Every_page_links_to_pages_and_anchors_that_exist_and_logs_no_error()
    {
        var folder = Directory.CreateTempSubdirectory("site-course-").FullName;
        var first = new TempNotebook(folder, "01-first").Markdown("# Lesson 1: First\n\n**You will be able to:**\n- measure the **latency** of a request;\n- read a `p99`.\n\nA server answers each request.")
            .Code($"#r \"{RunnerCli.BackendLabDll}\"\nusing BackendLab;", "Claim.That(\"2 is more than 1\", 2 > 1)")
            .Cell("var answer = 0;", tag: "exercise:q1");
        first.Save();
        var second = new TempNotebook(folder, "02-second").Markdown("# Lesson 2: Second\n\n*Estimated time: 15 minutes.*\n\nThroughput is requests per second; see the glossary.").Code("1 + 1");
        second.Save();
        var site = Path.Combine(folder, "site");
        var (exit, stdout) = await RunnerCli.RunAsync(folder, "--out", site);
        Assert.True(exit == 0, stdout);

        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("An interactive course on how backends work", index);
        Assert.Contains("<li>measure the <strong>latency</strong> of a request;</li>", index);
        Assert.Contains("15 min", index);
        Assert.Contains("1 exercise<br>0 questions<br>claims: <span class=\"claims\">1 held</span>", index);

        var chromium = Prerequisite.Chromium.Require();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
        var tab = await browser.NewPageAsync();
        List<string> outside = [], errors = [];
        await tab.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal)) await route.ContinueAsync();
            else { outside.Add(route.Request.Url); await route.AbortAsync(); }
        });
        tab.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        tab.PageError += (_, error) => errors.Add(error);

        var pages = new[] { "index.html", "01-first.html", "02-second.html", "glossary.html", "troubleshooting.html" };
        var links = new List<(string From, string Href)>();
        var ids = new Dictionary<string, HashSet<string>>();
        foreach (var page in pages)
        {
            await tab.GotoAsync(new Uri(Path.Combine(site, page)).AbsoluteUri);
            ids[page] = [.. await tab.EvaluateAsync<string[]>("[...document.querySelectorAll('[id]')].map(e => e.id)")];
            links.AddRange((await tab.EvaluateAsync<string[]>("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")).Select(h => (page, h)));
            var rels = await tab.EvaluateAsync<string[]>("[...document.querySelectorAll('a[rel]')].map(a => a.rel + ' ' + a.getAttribute('href'))");
            var at = Array.IndexOf(pages, page);
            if (at > 0) Assert.Contains($"prev {pages[at - 1]}", rels);
            if (at < pages.Length - 1) Assert.Contains($"next {pages[at + 1]}", rels);
        }

        var broken = new List<string>();
        foreach (var (from, href) in links.Distinct())
        {
            var (file, anchor) = href.Split('#', 2) is [var f, var a] ? (f, a) : (href, null);
            var target = file.Length == 0 ? from : Uri.UnescapeDataString(file);
            if (!File.Exists(Path.Combine(site, target))) { broken.Add($"{from}: {href} (no such page)"); continue; }
            if (anchor is not null && !(ids.TryGetValue(target, out var known) && known.Contains(anchor))) broken.Add($"{from}: {href} (no such anchor)");
        }
        Assert.Empty(broken);
        Assert.Empty(outside);
        Assert.Empty(errors);
        Assert.Contains(links, l => l == ("01-first.html", "glossary.html#latency"));
        Assert.Contains(links, l => l == ("01-first.html", "glossary.html#request"));
        Assert.Contains(links, l => l == ("02-second.html", "glossary.html#throughput"));
        Assert.Contains(links, l => l.From == "index.html" && l.Href == "troubleshooting.html");
        foreach (var anchor in new[] { "build-not-done", "stale-backendlab", "port-in-use", "redis-missing", "polyglot-missing" })
            Assert.Contains(anchor, ids["troubleshooting.html"]);
    }
}
