using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Tests.Core;

public class PictureTests
{
    static string Html(Picture p)
    {
        var writer = new StringWriter();
        p.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>The SVG is well-formed XML (so VS Code and browsers draw it) and carries its text alternative.</summary>
    static XElement Parse(Picture p)
    {
        var svg = XElement.Parse(p.Svg);
        Assert.Equal(p.AltText, svg.Attribute("aria-label")!.Value);
        Assert.Equal(p.AltText, svg.Elements().First(e => e.Name.LocalName == "title").Value);
        var caption = Regex.Match(Html(p), "<figcaption[^>]*>(.*?)</figcaption>").Groups[1].Value;
        Assert.Equal(p.AltText, System.Net.WebUtility.HtmlDecode(caption));
        return svg;
    }

    [Fact]
    public async Task AMeasuredRequestsJourneyHoldsEveryStageWithItsTime()
    {
        await using var server = await JourneyServer.StartAsync("picture journey", endpoints: app => app.MapGet("/slow", async () => { await Task.Delay(20); return "ok"; }));
        var journey = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/slow"));

        var picture = JourneyDiagram.Draw("GET /slow", journey.Stages.Select(s => (s.Name, s.DurationMs)));

        var svg = Parse(picture);
        var drawn = svg.Descendants().Where(e => e.Attribute("data-stage") is not null).ToList();
        Assert.Equal(journey.Stages.Select(s => s.Name), drawn.Select(g => g.Attribute("data-stage")!.Value));
        foreach (var stage in journey.Stages)
        {
            var box = drawn.Single(g => g.Attribute("data-stage")!.Value == stage.Name);
            Assert.Contains(Durations.Format(TimeSpan.FromMilliseconds(stage.DurationMs)), box.Value);
            Assert.Contains($"{stage.Name} {Durations.Format(TimeSpan.FromMilliseconds(stage.DurationMs))}", picture.AltText);
        }
        Assert.Contains($"The slowest stage is {journey.Stages.MaxBy(s => s.DurationMs)!.Name} (", picture.AltText);
        Assert.True(journey["handler"] >= 15, $"the handler waits 20 ms: {journey["handler"]} ms");
        Assert.StartsWith($"{journey.Stages.Count} stages, ", picture.AltText);
    }

    [Fact]
    public void ASequenceDiagramDrawsEachStepInOrderWithItsTime()
    {
        var picture = SequenceDiagram.Draw("One exchange", ["client", "server"],
            new("client", "server", "TCP connect", 0.412), new("client", "server", "GET /hello"), new("server", "client", "200 OK", 20.4),
            new("client", "server", "FIN (close)"));

        var steps = Parse(picture).Descendants().Where(e => e.Attribute("data-step") is not null).Select(e => e.Value).ToList();
        Assert.Equal(["TCP connect · 0.412 ms", "GET /hello", "200 OK · 20.40 ms", "FIN (close)"], steps);
        Assert.Equal("4 steps between client and server: 1. client → server: TCP connect (0.412 ms); 2. client → server: GET /hello; " +
                     "3. server → client: 200 OK (20.40 ms); 4. client → server: FIN (close).", picture.AltText);
        Assert.Throws<ArgumentException>(() => SequenceDiagram.Draw("x", ["a", "b"], new SequenceStep("a", "c", "?")));
    }

    [Fact]
    public void ATopologyShowsTheRequestCountOfEveryBox()
    {
        var picture = TopologyDiagram.Draw("Two instances",
            [new("client", 0, 200), new("proxy", 1, 200), new("instance A", 2, 131), new("instance B", 2, 69), new("SQLite", 3)],
            [("client", "proxy"), ("proxy", "instance A"), ("proxy", "instance B"), ("instance A", "SQLite"), ("instance B", "SQLite")]);

        var nodes = Parse(picture).Descendants().Where(e => e.Attribute("data-node") is not null)
            .ToDictionary(e => e.Attribute("data-node")!.Value, e => e.Value);
        Assert.Equal("instance A131 requests", nodes["instance A"]);
        Assert.Equal("instance B69 requests", nodes["instance B"]);
        Assert.Equal("SQLite—", nodes["SQLite"]);
        Assert.Equal(5, Regex.Count(picture.Svg, "<polygon"));
        Assert.StartsWith("client handled 200 requests, proxy handled 200 requests, instance A handled 131 requests, instance B handled 69 requests, SQLite; links:", picture.AltText);
        Assert.Throws<ArgumentException>(() => TopologyDiagram.Draw("x", [new("a", 0)], [("a", "b")]));
    }
}
