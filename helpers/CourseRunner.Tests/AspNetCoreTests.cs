using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>Facts: a cell starts a real server with StartAsync, the next one requests it over loopback.</summary>
public class AspNetCoreTests
{
    [Fact]
    public async Task A_server_started_in_one_cell_answers_the_next_and_stops()
    {
        var run = await Run.CellsAsync(
            """
            #r "Microsoft.AspNetCore"
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet("/hello", () => "hello from a cell");
            await app.StartAsync();
            var url = app.Urls.First();
            new Uri(url).IsLoopback
            """,
            """
            using System.Net.Http;
            var http = new HttpClient();
            await http.GetStringAsync(url + "/hello")
            """,
            """
            await app.StopAsync();
            try { await http.GetStringAsync(url + "/hello"); return "still up"; }
            catch (HttpRequestException) { return "stopped"; }
            """);

        Assert.Contains("<pre>True</pre>", run.Code(0).Value().Data["text/html"]);
        Assert.Contains("Now listening on: http://127.0.0.1:", run.Code(0).Stdout());
        Assert.Equal("hello from a cell", run.Code(1).Value().Data["text/plain"]);
        Assert.Equal("stopped", run.Code(2).Value().Data["text/plain"]);
    }
}
