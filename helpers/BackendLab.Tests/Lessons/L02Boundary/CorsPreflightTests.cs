using System.Net;
using System.Net.Http;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab.Tests.Lessons.L02Boundary;

/// <summary>The Fetch standard's preflight rule as lesson 2 states it, and what a request sent without one does to a real server.</summary>
[Collection("servers")]
public class CorsPreflightTests
{
    static HttpRequestMessage Post(string body, string contentType) =>
        new(HttpMethod.Post, "http://127.0.0.1/orders") { Content = new StringContent(body, Encoding.UTF8, contentType) };

    [Fact]
    public void AJsonPostIsPreflightedAndAFormPostIsNot()
    {
        Assert.Contains("application/json", CorsPreflight.Reason(Post("{}", "application/json")));
        Assert.Null(CorsPreflight.Reason(Post("item=book", "application/x-www-form-urlencoded")));
        Assert.Null(CorsPreflight.Reason(Post("hi", "text/plain")));
        Assert.False(CorsPreflight.IsNeeded(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/")));
    }

    [Fact]
    public void OtherMethodsAndCustomHeadersArePreflighted()
    {
        Assert.Contains("DELETE", CorsPreflight.Reason(new HttpRequestMessage(HttpMethod.Delete, "http://127.0.0.1/orders/1")));
        var withKey = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        withKey.Headers.Add("X-Api-Key", "k");
        Assert.Contains("X-Api-Key", CorsPreflight.Reason(withKey));
        var withOrigin = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        withOrigin.Headers.Add("Origin", "http://evil.example"); // the browser sets Origin itself; it never asks for it
        Assert.Null(CorsPreflight.Reason(withOrigin));
    }

    [Fact]
    public async Task AFormPostFromAnOriginThePolicyRefusesStillRunsTheHandler()
    {
        var runs = 0;
        var api = await Servers.StartAsync("cors-form-post",
            builder => builder.Services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins("http://127.0.0.1:5173").WithMethods("POST"))),
            app => { app.UseCors(); app.MapPost("/orders", () => { Interlocked.Increment(ref runs); return Results.Created("/orders/1", new { id = 1 }); }); });
        try
        {
            var form = Post("item=book", "application/x-www-form-urlencoded");
            form.RequestUri = new Uri(api.BaseAddress, "orders");
            form.Headers.Add("Origin", "http://evil.example");
            Assert.False(CorsPreflight.IsNeeded(form));
            using var answer = await api.Client.SendAsync(form);
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin")); // the page may not read it...
            Assert.Equal(1, runs);                                                  // ...but the order was placed
        }
        finally { await api.StopAsync(); }
    }
}
