using System.Text.Encodings.Web;

namespace BackendLab.Tests.Core;

public class ChartTests
{
    [Fact]
    public void HtmlCarriesTitleAxisLabelsSeriesNamesAndValues()
    {
        var html = Chart.Line("Latency vs load")
            .Add("p99", [1, 2, 4], [10.5, 12.25, 40])
            .XAxis("users").YAxis("ms")
            .ToString();

        var layout = ChartHtml.Layout(html);
        Assert.Equal("Latency vs load", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("users", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("ms", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());

        var trace = Assert.Single(ChartHtml.Data(html).EnumerateArray());
        Assert.Equal("p99", trace.GetProperty("name").GetString());
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal([1, 2, 4], trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([10.5, 12.25, 40], trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void OutputIsADivAndAScriptThatCallsNewPlotWithTheDivId()
    {
        var html = Chart.Scatter("t").Add("s", [1], [2]).ToString();
        var id = ChartHtml.Id(html);
        Assert.StartsWith("backendlab-chart-", id);
        Assert.Contains("P.newPlot(id, data, layout, { responsive: true, displaylogo: false })", html);
        Assert.Contains($"var id = \"{id}\";", html);
    }

    [Fact]
    public void TwoChartsGetDifferentIds() =>
        Assert.NotEqual(ChartHtml.Id(Chart.Bar("a").ToString()), ChartHtml.Id(Chart.Bar("a").ToString()));

    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("He said \"hi\" and 'bye' & left")]
    [InlineData("</SCRIPT >")]
    public void HostileTextCannotBreakOutOfTheScript(string text)
    {
        var html = Chart.Line(text).Add(text, [1], [1]).XAxis(text).ToString();

        Assert.Equal(1, CountOf(html, "<script"));
        Assert.Equal(1, CountOf(html, "</script"));
        Assert.EndsWith("</script>", html.TrimEnd());
        Assert.Equal(text, ChartHtml.Layout(html).GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(text, ChartHtml.Data(html)[0].GetProperty("name").GetString());
    }

    [Fact]
    public void EachSeriesKeepsItsOwnKindAndDashedLinesAreDashed()
    {
        var data = ChartHtml.Data(Chart.Scatter("mix")
            .Add("requests", [1, 2], [3, 4])
            .AddLine("trend", [1, 2], [3, 4])
            .AddDashed("Little's law prediction", [1, 2], [3, 4])
            .ToString());

        Assert.Equal("markers", data[0].GetProperty("mode").GetString());
        Assert.Equal("lines+markers", data[1].GetProperty("mode").GetString());
        Assert.Equal("lines", data[2].GetProperty("mode").GetString());
        Assert.Equal("dash", data[2].GetProperty("line").GetProperty("dash").GetString());
        Assert.False(data[1].TryGetProperty("line", out _));
    }

    [Fact]
    public void SecondAxisSeriesUseY2AndTheLayoutNamesIt()
    {
        var html = Chart.Line("two").Add("rps", [1], [100]).Add("p99", [1], [5], secondAxis: true).Y2Axis("ms").ToString();

        Assert.False(ChartHtml.Data(html)[0].TryGetProperty("yaxis", out _));
        Assert.Equal("y2", ChartHtml.Data(html)[1].GetProperty("yaxis").GetString());
        var y2 = ChartHtml.Layout(html).GetProperty("yaxis2");
        Assert.Equal("ms", y2.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("y", y2.GetProperty("overlaying").GetString());
    }

    [Fact]
    public void LogAxesAreLogarithmic()
    {
        var layout = ChartHtml.Layout(Chart.Line("l").XAxis("x", log: true).YAxis("y").ToString());
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.False(layout.GetProperty("yaxis").TryGetProperty("type", out _));
    }

    [Fact]
    public void LinearValueAxesStartAtZeroAndLogOnesDoNot()
    {
        var linear = ChartHtml.Layout(Chart.Line("l").YAxis("req/s").Y2Axis("ms").ToString());
        Assert.Equal("tozero", linear.GetProperty("yaxis").GetProperty("rangemode").GetString());
        Assert.Equal("tozero", linear.GetProperty("yaxis2").GetProperty("rangemode").GetString());
        Assert.False(linear.GetProperty("xaxis").TryGetProperty("rangemode", out _));
        var log = ChartHtml.Layout(Chart.Line("l").YAxis("ms", log: true).ToString());
        Assert.False(log.GetProperty("yaxis").TryGetProperty("rangemode", out _));
    }

    [Fact]
    public void BarsTakeCategoryNames()
    {
        var trace = ChartHtml.Data(Chart.Bar("p50 per endpoint").Add("p50", ["/fast", "/slow"], [1.5, 20]).ToString())[0];
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(["/fast", "/slow"], trace.GetProperty("x").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void HistogramsCountRawValues()
    {
        var html = Chart.Histogram("latency").Add("a", [1, 2, 2, 3]).Add("b", [5, 6]).ToString();
        var trace = ChartHtml.Data(html)[0];
        Assert.Equal("histogram", trace.GetProperty("type").GetString());
        Assert.Equal([1, 2, 2, 3], trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.False(trace.TryGetProperty("y", out _));
        Assert.Equal("overlay", ChartHtml.Layout(html).GetProperty("barmode").GetString());
    }

    [Fact]
    public void RawValuesOnALineChartAreDrawnAgainstTheirPosition()
    {
        var trace = ChartHtml.Data(Chart.Line("per request").Add("ms", [7, 8, 9]).ToString())[0];
        Assert.Equal([1, 2, 3], trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void NotANumberBecomesAGap()
    {
        var trace = ChartHtml.Data(Chart.Line("gaps").Add("s", [1, 2, 3], [1, double.NaN, double.PositiveInfinity]).ToString())[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, trace.GetProperty("y")[1].ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, trace.GetProperty("y")[2].ValueKind);
    }

    [Fact]
    public void MismatchedLengthsAreRefusedWithTheSeriesName()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Line("x").Add("p99", [1, 2], [1]));
        Assert.Contains("'p99' has 2 x values but 1 y values", error.Message);
    }

    [Fact]
    public void SizeSetsHeightAndMaximumWidth()
    {
        Assert.Contains("style=\"width:100%;height:420px\"", Chart.Line("d").ToString());
        Assert.Contains("style=\"width:100%;max-width:600px;height:300px\"", Chart.Line("d").Size(600, 300).ToString());
    }

    [Fact]
    public void LoaderUsesPageCopyOrLoadsOnceThroughAmdOrAScriptTag()
    {
        var html = Chart.Line("l").ToString();
        Assert.Contains("if (window.Plotly) { draw(window.Plotly); return; }", html);
        Assert.Contains("if (!window.backendLabPlotly)", html);
        Assert.Contains("window.define.amd", html);
        Assert.Contains("require.config({ paths: { plotly: url.slice(0, -3) } })", html);
        Assert.Contains(Html.ScriptJsonOf(Chart.PlotlyUrl), html);
        Assert.Equal("https://cdn.jsdelivr.net/npm/plotly.js-cartesian-dist-min@4.1.1/plotly-cartesian.min.js", Chart.PlotlyUrl);
    }

    [Fact]
    public void WriteToWritesTheSameHtmlAsToString()
    {
        var chart = Chart.Line("w").Add("s", [1], [1]);
        var writer = new StringWriter();
        chart.WriteTo(writer, HtmlEncoder.Default);
        Assert.Equal(ChartHtml.Data(chart.ToString()).GetRawText(), ChartHtml.Data(writer.ToString()).GetRawText());
    }

    static int CountOf(string text, string part) =>
        (text.Length - text.ToLowerInvariant().Replace(part.ToLowerInvariant(), "").Length) / part.Length;
}
