namespace BackendLab.Tests.Core;

public class LoopbackTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://127.8.9.10/x")]
    [InlineData("http://localhost:80/")]
    [InlineData("http://[::1]:8080/")]
    public void AcceptsAddressesOnThisMachine(string url) => Assert.Equal(new Uri(url), Loopback.Require(url));

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://example.com/")]
    [InlineData("http://127.0.0.1.example.com/")]
    public void RefusesEveryOtherAddress(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => Loopback.Require(url));
        Assert.Contains("only sends requests to this machine", error.Message);
    }

    [Fact]
    public void RefusesRelativeUrls() => Assert.Throws<ArgumentException>(() => Loopback.Require("/hello"));
}
