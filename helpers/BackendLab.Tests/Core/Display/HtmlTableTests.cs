namespace BackendLab.Tests.Core;

public class HtmlTableTests
{
    [Fact]
    public void RowsAndALegendLinePerColumn()
    {
        var html = new HtmlTable("Latency").Column("endpoint").Column("p99", "99 % of requests were faster than this").Row("/slow", 1234.5678).ToString();

        Assert.Contains(">Latency<", html);
        Assert.Contains("<th style=\"padding:2px 10px;border-bottom:1px solid rgba(128,128,128,.35);text-align:left\">p99</th>", html);
        Assert.Contains("text-align:right\">1,234.568</td>", html);
        Assert.Contains("text-align:left\">/slow</td>", html);
        Assert.Contains("<b>p99</b> — 99 % of requests were faster than this", html);
        Assert.DoesNotContain("<b>endpoint</b>", html);
    }

    [Fact]
    public void CellTextIsEncoded() =>
        Assert.Contains("&lt;script&gt;", new HtmlTable().Column("x").Row("<script>").ToString());

    [Theory]
    [InlineData(null, "—")]
    [InlineData(12.5, "12.5")]
    [InlineData(3, "3")]
    [InlineData(double.NaN, "NaN")]
    public void ValuesAreFormattedTheSameEverywhere(object? value, string shown) => Assert.Equal(shown, HtmlTable.Format(value));

    [Fact]
    public void DurationsAreShownInMilliseconds() => Assert.Equal("20.00 ms", HtmlTable.Format(TimeSpan.FromMilliseconds(20)));
}
