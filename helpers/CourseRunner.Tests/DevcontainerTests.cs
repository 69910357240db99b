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
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".devcontainer", "devcontainer.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;

    private static string Script(string name) => File.ReadAllText(Path.Combine(Repository.Root, ".devcontainer", name));

    /// <summary>devcontainers/images publishes .NET 10 only as the Ubuntu 24.04 "noble" variant (no bookworm).</summary>
    [Fact]
    public void UsesAPinnedDotnet10ImageItsPublisherLists() =>
        Assert.Matches(@"^mcr\.microsoft\.com/devcontainers/dotnet:\d+\.\d+\.\d+-10\.0-noble$", Config.GetProperty("image").GetString());

    /// <summary>Ubuntu's chromium-browser is a snap stub that cannot run in a container: the browser comes from
    /// the pinned Playwright package's installer after the build, never from apt.</summary>
    [Fact]
    public void InstallsTheBrowserThroughPlaywrightNotApt()
    {
        Assert.DoesNotMatch(@"apt-get install[^\n]*\bchromium", Script("on-create.sh"));
        Assert.Equal("bash .devcontainer/install-browser.sh", Config.GetProperty("postCreateCommand").GetString());
        Assert.Contains("package/cli.js\" install --with-deps chromium", Script("install-browser.sh"));
    }

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
    public void PolyglotNotebooksRunsThePinnedKernelFromTheRepositoryRoot()
    {
        var settings = Config.GetProperty("customizations").GetProperty("vscode").GetProperty("settings");
        // `dotnet tool run` finds .config/dotnet-tools.json from its working directory: the repository root, not the extension's storage.
        Assert.Equal("${containerWorkspaceFolder}", settings.GetProperty("dotnet-interactive.kernelTransportWorkingDirectory").GetString());
        Assert.Equal(["{dotnet_path}", "tool", "run", "dotnet-interactive", "--", "[vscode]", "stdio", "--working-dir", "{working_dir}"],
            settings.GetProperty("dotnet-interactive.kernelTransportArgs").EnumerateArray().Select(a => a.GetString()));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".config", "dotnet-tools.json"))).RootElement;
        Assert.Equal("1.0.712001", manifest.GetProperty("tools").GetProperty("microsoft.dotnet-interactive").GetProperty("version").GetString());
        Assert.Contains("dotnet tool restore", File.ReadAllText(Path.Combine(Repository.Root, ".devcontainer", "on-create.sh")));
    }

    [Fact]
    public void ItsSetupScriptExists() =>
        Assert.True(File.Exists(Path.Combine(Repository.Root, ".devcontainer", "on-create.sh")));

    [Fact]
    public void RecommendsTheSameExtensionsToLearnersWithoutTheContainer()
    {
        var recommended = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".vscode", "extensions.json")),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            .RootElement.GetProperty("recommendations").EnumerateArray().Select(e => e.GetString()).ToList();
        var inContainer = Config.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(inContainer, recommended);
    }
}
