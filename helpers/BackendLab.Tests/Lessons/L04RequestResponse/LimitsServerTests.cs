using Xunit.Abstractions;

namespace BackendLab.Tests.Lessons.L04RequestResponse;

public class LimitsServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EachLimitFiresWithItsOwnStatusCodeAndStage()
    {
        await using var server = await LimitsServer.StartAsync(nameof(LimitsServerTests));
        var report = await server.ProbeAllAsync();
        output.WriteLine(report.ToString());
        foreach (var r in report.Rows) output.WriteLine($"{r.StatusCode} {r.What}: {r.Body}");

        Assert.Equal(201, report["good order"].StatusCode);
        Assert.Equal(413, report["body over"].StatusCode);
        Assert.Equal(431, report["headers over"].StatusCode);
        Assert.StartsWith("Kestrel", report["headers over"].AnsweredBy);
        Assert.Equal(414, report["URL"].StatusCode);
        Assert.Equal(415, report["text/plain"].StatusCode);
        Assert.Equal(404, report["no endpoint"].StatusCode);
        Assert.StartsWith("routing", report["no endpoint"].AnsweredBy);
        Assert.Equal(405, report["DELETE"].StatusCode);
        Assert.Equal(404, report["route constraint"].StatusCode);
        Assert.Equal(400, report["bound to an int"].StatusCode);
        Assert.StartsWith("binding", report["bound to an int"].AnsweredBy);
        Assert.Equal(400, report["query value missing"].StatusCode);
        Assert.Equal(400, report["malformed JSON"].StatusCode);
        Assert.Equal(400, report["wrong shape"].StatusCode);
        Assert.Equal(400, report["rule the handler"].StatusCode);
        Assert.Equal("the handler", report["rule the handler"].AnsweredBy);
        Assert.Contains("must be between 1 and 100", report["rule the handler"].Body);
        Assert.Contains("\"status\":400", report["bound to an int"].Body);   // problem details
    }
}
