using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace BackendLab.Tests.Lessons.L03ClientServer;

public class Lesson03ExerciseTests
{
    [Fact]
    public async Task Q1SolutionIsCorrect() =>
        Assert.Equal(CheckOutcome.Correct, (await Lesson03.Q1.Check("GET /greeting HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\n\r\n")).Outcome);

    [Fact]
    public async Task Q1StarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson03.Q1.Check("")).Outcome);

    [Theory]
    [InlineData("GET /greeting HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\n", "must end with `\\r\\n\\r\\n`")]
    [InlineData("GET /greeting HTTP/1.1\r\nAccept-Language: fr\r\n\r\n", "requires a `Host` header")]
    [InlineData("GET /greeting HTTP/1.1\r\nHost: localhost\r\n\r\n", "answered in English")]
    [InlineData("GET /greetings HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\n\r\n", "404")]
    public async Task Q1PlausibleSlipsAreIncorrectWithAHint(string raw, string expected)
    {
        var result = await Lesson03.Q1.Check(raw);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains(expected, result.Message);
    }

    static async Task<string> FetchWithDeadline(HttpClient client, string url)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try { return await client.GetStringAsync(url, deadline.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"{url} did not answer within 1 s."); }
    }

    [Fact]
    public async Task Q2SolutionIsCorrect()
    {
        var result = await Lesson03.Q2.Check(FetchWithDeadline);
        Assert.Equal(CheckOutcome.Correct, result.Outcome);
    }

    [Fact]
    public async Task Q2StarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson03.Q2.Check((_, _) => throw new NotImplementedException("your code here"))).Outcome);

    [Fact]
    public async Task Q2NoDeadlineIsIncorrect()
    {
        var result = await Lesson03.Q2.Check((client, url) => client.GetStringAsync(url));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("still waiting after 3 s", result.Message);
    }

    [Fact]
    public async Task Q2ADeadlineWithoutAClearMessageIsIncorrect()
    {
        var result = await Lesson03.Q2.Check(async (client, url) =>
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            return await client.GetStringAsync(url, deadline.Token);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("does not say what timed out", result.Message);
    }

    static async Task ServePong(NetworkStream stream, CancellationToken ct)
    {
        await RawHttp.ReadRequestHeadAsync(stream, ct);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\npong"), ct);
    }

    [Fact]
    public async Task Q3SolutionIsCorrect() =>
        Assert.Equal(CheckOutcome.Correct, (await Lesson03.Q3.Check(ServePong)).Outcome);

    [Fact]
    public async Task Q3StarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson03.Q3.Check((_, _) => throw new NotImplementedException("your code here"))).Outcome);

    [Fact]
    public async Task Q3ABodyWithoutAStatusLineIsIncorrect()
    {
        var result = await Lesson03.Q3.Check(async (stream, ct) =>
        {
            await RawHttp.ReadRequestHeadAsync(stream, ct);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("pong"), ct);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("got no valid HTTP response", result.Message);
    }

    [Fact]
    public async Task Q3TheWrongBodyIsIncorrect()
    {
        var result = await Lesson03.Q3.Check(async (stream, ct) =>
        {
            await RawHttp.ReadRequestHeadAsync(stream, ct);
            await RawHttp.WriteResponseAsync(stream, 200, "ping", cancellationToken: ct);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("wanted `pong`", result.Message);
    }
}
