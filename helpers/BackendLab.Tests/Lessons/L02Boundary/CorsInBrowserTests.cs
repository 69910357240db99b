using BackendFundamentals.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab.Tests.Lessons.L02Boundary;

/// <summary>
/// Lesson 2's browser-only behaviour, with a real headless Chromium (skipped outside CI when none is installed): the page
/// on one loopback origin makes a JSON fetch and a form post to an API on another; the API's own log says what arrived.
/// </summary>
[Collection("servers")]
public class CorsInBrowserTests
{
    static Task<RunningServer> Api(string name, string? allowedOrigin) =>
        Servers.StartAsync(name,
            builder => builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
                policy.WithOrigins(allowedOrigin ?? "http://127.0.0.1:5173").WithMethods("POST").WithHeaders("Content-Type"))),
            app =>
            {
                app.UseCors();
                app.MapPost("/orders", () => Results.Created("/orders/1", new { id = 1 }));
            });

    static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [ChromiumFact]
    public async Task APolicyThatAllowsThePageGetsThePreflightThenTheJsonPostAndTheFormPostWithoutOne()
    {
        var page = await CrossOriginPage.StartAsync("test-page-allowed");
        var api = await Api("test-api-allows-page", page.Url);
        try
        {
            var visit = await CrossOriginPage.OpenInChromiumAsync(page, api);
            Assert.True(visit.Ran);
            Assert.True(visit.Run!.Succeeded, visit.Run.Errors);
            Assert.Equal(["OPTIONS /orders?via=fetch", "POST /orders?via=fetch", "POST /orders?via=form"],
                visit.Requests.Select(r => $"{r.Method} {r.Path}"));
            Assert.True(visit.PreflightThenJsonPost);
            Assert.True(visit.FormPostWithoutPreflight);
            Assert.All(visit.Requests, r => Assert.Equal(page.Url, r.Origin));   // the browser named the page's origin itself
            Assert.StartsWith("application/json", visit.Requests[visit.JsonPostAt].ContentType);
            Assert.Equal("answered 201", visit.FetchOutcome);                      // CORS let the page read the answer
        }
        finally { await api.StopAsync(); await page.StopAsync(); }
    }

    [ChromiumFact]
    public async Task APolicyThatRefusesTheOriginMeansTheBrowserNeverSendsTheJsonPostButStillSendsTheForm()
    {
        var page = await CrossOriginPage.StartAsync("test-page-refused");
        var api = await Api("test-api-refuses-page", allowedOrigin: null);
        try
        {
            var visit = await CrossOriginPage.OpenInChromiumAsync(page, api);
            Assert.True(visit.Ran);
            Assert.Equal(["OPTIONS /orders?via=fetch", "POST /orders?via=form"], visit.Requests.Select(r => $"{r.Method} {r.Path}"));
            Assert.True(visit.PreflightOnly);
            Assert.True(visit.FormPostWithoutPreflight);
            Assert.Equal(201, visit.Requests[visit.FormPostAt].StatusCode);        // the form post ran the handler anyway
            Assert.StartsWith("refused by the browser", visit.FetchOutcome);
            Assert.InRange(visit.Run!.Milliseconds, 1, 30_000);
        }
        finally { await api.StopAsync(); await page.StopAsync(); }
    }

    [ChromiumFact]
    public async Task TheClaimsHoldOnRealVisitsAndShowTheLogAsATableAndADiagram()
    {
        var page = await CrossOriginPage.StartAsync("test-page-claims");
        var allowing = await Api("test-api-claims-allows", page.Url);
        var refusing = await Api("test-api-claims-refuses", allowedOrigin: null);
        try
        {
            var allowed = await CrossOriginPage.OpenInChromiumAsync(page, allowing);
            var refused = await CrossOriginPage.OpenInChromiumAsync(page, refusing);
            var claims = Assert.IsType<Claim>(BrowserVisit.Claims(allowed, refused));
            Assert.True(claims.Holds, claims.ToString());
            var html = Html(allowed);
            Assert.Contains("OPTIONS", html);
            Assert.Contains("application/x-www-form-urlencoded", html);
            Assert.Contains("<svg", html);
        }
        finally { await allowing.StopAsync(); await refusing.StopAsync(); await page.StopAsync(); }
    }

    [Fact]
    public void WithoutABrowserTheVisitIsASkipNoteAndNoClaim()
    {
        var none = BrowserVisit.NotRun("http://127.0.0.1:1", "http://127.0.0.1:2");
        Assert.False(none.Ran);
        Assert.Contains("data-backendlab-skip=\"true\"", Html(none));
        Assert.Contains("apt-get install chromium", Html(none));
        var shown = Html(BrowserVisit.Claims(none, none));
        Assert.Contains("data-backendlab-skip=\"true\"", shown);
        Assert.DoesNotContain("data-backendlab-claim", shown);
        var both = Html(BrowserVisit.Show(none, none));                            // one note for the cell, not one per visit
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(both, "data-backendlab-skip"));
    }

    [Fact]
    public async Task WithChromiumHiddenTheVisitIsSkippedAndSendsNothing()
    {
        var page = await CrossOriginPage.StartAsync("test-page-hidden");
        var api = await Api("test-api-hidden", page.Url);
        var saved = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        try
        {
            Environment.SetEnvironmentVariable("CHROMIUM_PATH", "/nowhere/chromium");
            Assert.Null(HeadlessChromium.Find());
            var visit = await CrossOriginPage.OpenInChromiumAsync(page, api);
            Assert.False(visit.Ran);
            Assert.Empty(visit.Requests);
            Assert.Equal(0, api.Log.Total);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHROMIUM_PATH", saved);
            await api.StopAsync(); await page.StopAsync();
        }
    }
}
