using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Tests.Core;

public class PredictionTests
{
    static string HtmlOf(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void AGuessIsComparedWithTheMeasurementInNumbers()
    {
        var guess = Predict.Number("How many times slower is a request than a function call?", guess: 10, unit: "×");
        var result = guess.Against(1606.3);

        Assert.Equal("You guessed 10×; it was 1,606×: 161 times your guess.", result.Sentence);
        Assert.Equal(160.63, result.Ratio, 2);
        Assert.False(result.IsClose);
        Assert.Contains("data-backendlab-prediction=\"compared\"", HtmlOf(result));
        Assert.Contains("1,606×", HtmlOf(result));
        Assert.Contains(result.Sentence, result.ToString());
    }

    [Fact]
    public void AGuessTooHighSaysByHowMuchAndACloseOneSaysSo()
    {
        Assert.Equal("You guessed 500 ms; it was 20 ms: your guess was 25 times too high.", Predict.Number("p50?", 500, " ms").Against(20).Sentence);
        var close = Predict.Number("p50?", 21, " ms").Against(20);
        Assert.True(close.IsClose);
        Assert.StartsWith("You guessed 21 ms; it was 20 ms: within a factor of 1.25", close.Sentence);
    }

    [Fact]
    public void WithNoGuessTheMeasurementSimplyShows()
    {
        var prompt = Predict.Number("How many requests per second?", guess: null, unit: " req/s");
        Assert.False(prompt.HasGuess);
        Assert.Contains("data-backendlab-prediction=\"empty\"", HtmlOf(prompt));
        Assert.Contains("in place of <code", HtmlOf(prompt));

        var result = prompt.Against(12_345.6);
        Assert.Equal("It was 12,346 req/s.", result.Sentence);
        Assert.Contains("data-backendlab-prediction=\"measured-only\"", HtmlOf(result));
        Assert.True(double.IsNaN(result.Ratio));
    }

    [Fact]
    public void AChoiceIsRightOrWrongByLetter()
    {
        var prompt = Predict.Choice("Which finishes first?", ["one connection", "eight connections"], guess: 'B');
        Assert.Contains("Your guess: <b>b) eight connections</b>", HtmlOf(prompt));
        Assert.Equal("You guessed b) eight connections: right.", prompt.Against('b').Sentence);
        Assert.Equal("You guessed b) eight connections; it was a) one connection.", prompt.Against('a').Sentence);
        Assert.Throws<ArgumentOutOfRangeException>(() => prompt.Against('c'));
        Assert.Throws<InvalidOperationException>(() => prompt.Against(3.0));
        Assert.Throws<InvalidOperationException>(() => Predict.Number("n?", 1).Against('a'));
    }

    [Fact]
    public async Task AGuessAboutARealRequestIsComparedWithTheMeasuredRatio()
    {
        var guess = Predict.Number("How many times slower is a request than a function call?", guess: 10, unit: "×");
        var server = await Servers.StartAsync("prediction test", app => { app.MapGet("/", () => "hi"); });
        try
        {
            static int Add(int a, int b) => a + b;
            var call = Measure.Repeat("call", 1000, () => Add(1, 2));
            var request = await Measure.RepeatAsync("GET /", 200, () => server.Client.GetStringAsync("/"));
            var ratio = request.P50.TotalMicroseconds / Math.Max(call.P50.TotalMicroseconds, 0.001);

            var result = guess.Against(ratio);
            Assert.True(ratio > 10, $"a loopback request should cost far more than a call; ratio {ratio}");
            Assert.Contains(Readable.Number(ratio) + "×", result.Sentence);
            Assert.Equal(ratio / 10, result.Ratio, 6);
        }
        finally
        {
            await server.StopAsync();
        }
    }

    [Theory]
    [InlineData(1606.3, "1,606")]
    [InlineData(12.34, "12.3")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.04213, "0.0421")]
    [InlineData(0, "0")]
    public void NumbersAreWrittenWithTheDigitsThatMatter(double value, string text) =>
        Assert.Equal(text, Readable.Number(value).ToString(CultureInfo.InvariantCulture));
}
