using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab.Tests.Lessons.L02Boundary;

/// <summary>Lesson 2, Part 3: the forged form post and the shop's own, against a real ASP.NET Core antiforgery check; and the page preview.</summary>
[Collection("servers")]
public class FormPostsTests
{
    [Fact]
    public async Task AntiforgeryRefusesTheForgedPostAndAcceptsTheShopsOwnEvenWithTheSameCookies()
    {
        var orders = 0;
        var shop = await Servers.StartAsync("csrf-test", builder => builder.Services.AddAntiforgery(), app =>
        {
            app.UseAntiforgery();
            app.MapGet("/order-form", (HttpContext http, IAntiforgery af) =>
            {
                var t = af.GetAndStoreTokens(http);
                return Results.Content($"<form method=\"post\"><input type=\"hidden\" name=\"{t.FormFieldName}\" value=\"{t.RequestToken}\"><input name=\"product\"></form>", "text/html");
            });
            app.MapPost("/orders", ([FromForm] string product) => { Interlocked.Increment(ref orders); return Results.Ok(product); });
        });
        try
        {
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = shop.BaseAddress };
            var page = await browser.GetStringAsync("/order-form");
            var fields = new Dictionary<string, string> { ["product"] = "book" };

            using var forged = await browser.SendAsync(FormPosts.CrossSite("/orders", fields));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Equal(0, orders);

            using var own = await browser.SendAsync(FormPosts.FromOwnPage("/orders", fields, page, shop.Url));
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal(1, orders);
        }
        finally { await shop.StopAsync(); }
    }

    [Fact]
    public void AForgedPostCarriesTheStrangersOriginAndNoToken()
    {
        var post = FormPosts.CrossSite("/orders", new Dictionary<string, string> { ["product"] = "book" });
        Assert.Equal("http://evil.example", post.Headers.GetValues("Origin").Single());
        Assert.Equal("application/x-www-form-urlencoded", post.Content!.Headers.ContentType!.MediaType);
        Assert.Null(CorsPreflight.Reason(post)); // a browser sends it without asking
        Assert.Throws<ArgumentException>(() => FormPosts.FromOwnPage("/orders", new Dictionary<string, string>(), "<form></form>", "http://127.0.0.1:1"));
    }

    [Fact]
    public void ThePreviewRunsThePagesOwnCodeInASandboxAndSendsNothing()
    {
        var html = ShopPage.Preview().ToString()!;
        using var writer = new StringWriter();
        ShopPage.Preview().WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var shown = writer.ToString();
        Assert.Contains("<iframe sandbox=\"allow-scripts allow-forms\"", shown);
        var srcdoc = WebUtility.HtmlDecode(shown[(shown.IndexOf("srcdoc=\"") + 8)..shown.IndexOf("\"></iframe>")]);
        Assert.Contains("max=\"10\"", srcdoc);                           // the page's own checks...
        Assert.Contains("if (!(quantity >= 1 && quantity <= 10))", srcdoc);
        Assert.True(srcdoc.IndexOf("window.fetch =") < srcdoc.IndexOf("const form ="), "the stand-in fetch must be defined before the page's script");
        Assert.DoesNotContain("127.0.0.1", srcdoc);                      // ...and no server to reach
    }
}
