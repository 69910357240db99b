using System.Net;
using System.Net.Http;
using BackendFundamentals.TestSupport;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Tests.Lessons.L02Boundary;

/// <summary>
/// Lesson 2's SameSite experiment: a real headless Chromium (skipped outside CI when none is installed) walks the shop on
/// 127.0.0.1 and a page on localhost; the shop's own log says which cookies each request carried. Plus the claim's logic on
/// hand-built visits, passing and failing.
/// </summary>
[Collection("servers")]
public class SameSiteInBrowserTests
{
    static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [ChromiumFact]
    public async Task TheBrowserSendsStrictOnlySameSiteLaxAlsoOnACrossSiteLinkAndOnlyNoneWithACrossSiteFormPost()
    {
        var shop = await SameSiteShop.StartAsync("test-samesite-shop");
        var otherSite = await OtherSite.StartAsync("test-samesite-other");
        try
        {
            var visit = await SameSiteShop.OpenInChromiumAsync(shop, otherSite);
            Assert.True(visit.Ran);
            Assert.True(visit.Completed, visit.ToString() + "\n" + visit.Run!.Errors);
            Assert.Equal([SameSiteStep.ShopPage, SameSiteStep.OwnFormPost, SameSiteStep.CrossSiteFormPost, SameSiteStep.CrossSiteLink],
                visit.Requests.Select(r => SameSiteVisit.StepOf(r)!.Value));
            Assert.Empty(visit.Arrived(SameSiteStep.ShopPage)!);
            Assert.Equal(["strict", "lax", "none"], visit.Arrived(SameSiteStep.OwnFormPost)!);
            Assert.Equal(["none"], visit.Arrived(SameSiteStep.CrossSiteFormPost)!);
            Assert.Equal(["lax", "none"], visit.Arrived(SameSiteStep.CrossSiteLink)!);
            Assert.Equal(["none", "same-origin", "cross-site", "cross-site"], visit.Requests.Select(r => r.FetchSite));
            Assert.Equal(otherSite.Port, new Uri(visit.Request(SameSiteStep.CrossSiteFormPost)!.Origin!).Port);   // posted from localhost
            Assert.Equal("localhost", new Uri(visit.Request(SameSiteStep.CrossSiteFormPost)!.Origin!).Host);

            var claims = Assert.IsType<Claim>(SameSiteVisit.Claims(visit));
            Assert.True(claims.Holds, claims.ToString());
            var html = Html(visit);
            Assert.Contains("<svg", html);
            Assert.Contains("✓ arrived", html);
            Assert.Contains("— left off", html);
            Assert.DoesNotContain("did not complete", html);
        }
        finally { await shop.StopAsync(); await otherSite.StopAsync(); }
    }

    static ServedRequest Logged(string method, string path, string route, string? fetchSite, params string[] cookies) =>
        new(DateTimeOffset.Now, method, path, 200, 1.5, 100, Route: route, CookieNames: cookies.Length == 0 ? null : cookies, FetchSite: fetchSite);

    static BrowserRun Finished => new("http://127.0.0.1:1/", "<html></html>", 900, 0, false, "");

    static SameSiteVisit Visit(BrowserRun? run, params ServedRequest[] requests) => new("http://127.0.0.1:1", "http://localhost:2", run, requests);

    static ServedRequest[] AsTheRuleSays =>
    [
        Logged("GET", "/?then=x", "/", "none"),
        Logged("POST", "/orders?from=shop-page&then=x", "/orders", "same-origin", "strict", "lax", "none"),
        Logged("POST", "/orders?from=other-site&then=x", "/orders", "cross-site", "none"),
        Logged("GET", "/account?from=other-site", "/account", "cross-site", "lax", "none"),
    ];

    [Fact]
    public void TheClaimHoldsForAVisitThatFollowsTheRuleAndNamesWhatArrivedAndWhatWasLeftOff()
    {
        var visit = Visit(Finished, AsTheRuleSays);
        Assert.True(visit.Completed);
        var statements = SameSiteVisit.Statements(visit);
        Assert.All(statements, s => Assert.True(s.Holds, s.Statement));
        Assert.Equal("the form POST from the page on localhost:2 (cross-site) carried `none` and left off `strict` and `lax`", statements[1].Statement);
        Assert.Equal("the top-level GET of the link on localhost:2 (cross-site) carried `lax` and `none` and left off `strict`", statements[2].Statement);
        Assert.True(Assert.IsType<Claim>(SameSiteVisit.Claims(visit)).Holds);
    }

    [Fact]
    public void ALaxCookieOnTheCrossSiteFormPostIsShownAsNotHeld()
    {
        var requests = AsTheRuleSays;
        requests[2] = Logged("POST", "/orders?from=other-site", "/orders", "cross-site", "lax", "none");   // a browser that ignored SameSite=Lax
        var claims = Assert.IsType<Claim>(SameSiteVisit.Claims(Visit(Finished, requests)));
        Assert.False(claims.Holds);
        var statements = SameSiteVisit.Statements(Visit(Finished, requests));
        Assert.Equal([true, false, true], statements.Select(s => s.Holds));
        Assert.Contains("carried `lax` and `none` and left off `strict`", statements[1].Statement);
        Assert.Contains("data-backendlab-statement=\"not-held\"", Html(claims));
    }

    [Fact]
    public void ARequestTheBrowserLabelledSameSiteDoesNotPassForTheCrossSiteStep()
    {
        var requests = AsTheRuleSays;
        requests[3] = Logged("GET", "/account?from=other-site", "/account", "same-site", "lax", "none");
        Assert.False(SameSiteVisit.Statements(Visit(Finished, requests))[2].Holds);
    }

    [Fact]
    public void AChromiumThatTimedOutBeforeTheLinkShowsARedBoxAndTheMissingStepIsNotHeld()
    {
        var visit = Visit(new BrowserRun("http://127.0.0.1:1/", "", 60_000, -1, true, "something went wrong"), AsTheRuleSays[..3]);
        Assert.False(visit.Completed);
        Assert.Null(visit.Arrived(SameSiteStep.CrossSiteLink));
        var last = SameSiteVisit.Statements(visit)[2];
        Assert.False(last.Holds);
        Assert.Contains("never reached the shop", last.Statement);
        var html = Html(visit);
        Assert.Contains("Chromium did not complete the experiment", html);
        Assert.Contains("killed at its time limit", html);
        Assert.Contains("something went wrong", html);
    }

    [Fact]
    public async Task ABrowserThatFailsAtOnceGivesARedBoxAndClaimsNotHeldNotASkip()
    {
        var shop = await SameSiteShop.StartAsync("test-samesite-shop-broken");
        var otherSite = await OtherSite.StartAsync("test-samesite-other-broken");
        var saved = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        try
        {
            Environment.SetEnvironmentVariable("CHROMIUM_PATH", "/bin/false");   // a "browser" that exits with code 1
            var visit = await SameSiteShop.OpenInChromiumAsync(shop, otherSite, TimeSpan.FromSeconds(10));
            Assert.True(visit.Ran);
            Assert.False(visit.Completed);
            Assert.Empty(visit.Requests);
            Assert.Contains("Chromium did not complete the experiment", Html(visit));
            Assert.Contains("exit code 1", Html(visit));
            Assert.False(Assert.IsType<Claim>(SameSiteVisit.Claims(visit)).Holds);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHROMIUM_PATH", saved);
            await shop.StopAsync(); await otherSite.StopAsync();
        }
    }

    [Fact]
    public void WithoutABrowserTheVisitIsASkipNoteAndNoClaim()
    {
        var none = Visit(null);
        Assert.False(none.Ran);
        Assert.Contains("data-backendlab-skip=\"true\"", Html(none));
        Assert.Contains("apt-get install chromium", Html(none));
        var shown = Html(SameSiteVisit.Claims(none));
        Assert.Contains("data-backendlab-skip=\"true\"", shown);
        Assert.DoesNotContain("data-backendlab-claim", shown);
    }

    [Fact]
    public void TheExpectedCookiesFollowTheRule()
    {
        Assert.Empty(SameSiteVisit.Expected(SameSiteStep.ShopPage));
        Assert.Equal(["strict", "lax", "none"], SameSiteVisit.Expected(SameSiteStep.OwnFormPost));
        Assert.Equal(["none"], SameSiteVisit.Expected(SameSiteStep.CrossSiteFormPost));
        Assert.Equal(["lax", "none"], SameSiteVisit.Expected(SameSiteStep.CrossSiteLink));
    }

    [Fact]
    public async Task TheShopSetsOneCookiePerModeAndNeitherSiteSendsTheBrowserOffThisMachine()
    {
        var shop = await SameSiteShop.StartAsync("test-samesite-shop-plain");
        var otherSite = await OtherSite.StartAsync("test-samesite-other-plain");
        try
        {
            var page = await shop.Client.GetAsync("/?then=" + Uri.EscapeDataString("http://evil.example/"));
            var setCookies = page.Headers.GetValues("Set-Cookie").ToList();
            Assert.Equal(3, setCookies.Count);
            Assert.Contains(setCookies, c => c.StartsWith("strict=", StringComparison.Ordinal) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(setCookies, c => c.StartsWith("lax=", StringComparison.Ordinal) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(setCookies, c => c.StartsWith("none=", StringComparison.Ordinal) && c.Contains("samesite=none", StringComparison.OrdinalIgnoreCase) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", html);
            Assert.DoesNotContain("<script>", html);                                     // no chain: a plain page

            var chained = await shop.Client.GetStringAsync("/?then=" + Uri.EscapeDataString(otherSite.Url + "/post"));
            Assert.Contains("<script>", chained);
            Assert.Equal(HttpStatusCode.BadRequest, (await otherSite.Client.GetAsync("/post?shop=" + Uri.EscapeDataString("http://evil.example"))).StatusCode);
            Assert.Equal("http://localhost:" + otherSite.Port, OtherSite.UrlOf(otherSite));
        }
        finally { await shop.StopAsync(); await otherSite.StopAsync(); }
    }
}
