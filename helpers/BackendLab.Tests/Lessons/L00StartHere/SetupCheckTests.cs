namespace BackendLab.Tests.Lessons.L00StartHere;

public class SetupCheckTests
{
    [Fact]
    public void APassingLineShowsATickAndTheOkMarker()
    {
        var line = SetupCheck.That(true, "cores: 2");

        Assert.Equal("✔ cores: 2", line.ToString());
        Assert.Contains("data-backendlab-setup=\"ok\"", Html(line));
    }

    [Fact]
    public void AFailingLineShowsACrossTheFixAndTheFailedMarker()
    {
        var line = SetupCheck.That(false, "SDK: 8.0.100", fix: "install the .NET 10 SDK");

        Assert.Equal("✘ SDK: 8.0.100 — install the .NET 10 SDK", line.ToString());
        var html = Html(line);
        Assert.Contains("data-backendlab-setup=\"failed\"", html);
        Assert.Contains("install the .NET 10 SDK", html);
    }

    [Fact]
    public void TextIsEncodedInHtml() => Assert.Contains("&lt;b&gt;", Html(SetupCheck.That(true, "<b>")));

    [Fact]
    public void TheRuntimeAndCoresOfThisMachinePass()
    {
        Assert.True(SetupCheck.Runtime().Ok);
        Assert.Contains(Environment.ProcessorCount.ToString(), SetupCheck.Cores().What);
    }

    [Fact]
    public void TheSdkCheckReportsTheSdkVersion()
    {
        var line = SetupCheck.Sdk();
        Assert.True(line.Ok, line.ToString());
        Assert.Matches(@"dotnet --version says 1\d\.", line.What);
    }

    [Fact]
    public void TheHelperLibraryCheckNamesTheLoadedDll()
    {
        var line = SetupCheck.HelperLibrary();
        Assert.True(line.Ok);
        Assert.Contains("BackendLab.dll", line.What);
    }

    static string Html(SetupLine line)
    {
        var writer = new StringWriter();
        line.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
