using System.Text.Json;
using CourseRunner.Tests.CourseNotebooks;

namespace CourseRunner.Tests;

/// <summary>
/// What a learner's container must give them. (Validated against the devcontainer schema by hand with a
/// JSON-schema validator; the .NET validators need packages our feed does not have.)
/// </summary>
public class DevcontainerTests
{
    private static readonly JsonElement Config =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".devcontainer", "devcontainer.json"))).RootElement;

    [Fact]
    public void UsesThePinnedOfficialDotnet10Image() =>
        Assert.Matches(@"^mcr\.microsoft\.com/devcontainers/dotnet:\d+-10\.0-[a-z]+$", Config.GetProperty("image").GetString());

    [Fact]
    public void InstallsPolyglotNotebooksJupyterAndTheCSharpDevKit()
    {
        var extensions = Config.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Contains("ms-dotnettools.csdevkit", extensions);
    }

    [Fact]
    public void BuildsTheHelpersSoANotebooksReferenceResolvesAtOnce() =>
        Assert.Equal("dotnet build", Config.GetProperty("updateContentCommand").GetString());

    [Fact]
    public void DoesNotForwardTheEphemeralPortsLessonServersUse()
    {
        Assert.Equal("ignore", Config.GetProperty("otherPortsAttributes").GetProperty("onAutoForward").GetString());
        Assert.False(Config.GetProperty("customizations").GetProperty("vscode").GetProperty("settings").GetProperty("remote.autoForwardPorts").GetBoolean());
    }

    [Fact]
    public void ItsSetupScriptExists() =>
        Assert.True(File.Exists(Path.Combine(Repository.Root, ".devcontainer", "on-create.sh")));
}
