using System.Diagnostics;
using System.Text.Json;

namespace CourseRunner.Kernel;

/// <summary>
/// The pinned .NET Interactive kernel: the local tool <c>microsoft.dotnet-interactive</c> in the repository's
/// <c>.config/dotnet-tools.json</c>, the same kernel VS Code (through the devcontainer's kernel-launch settings)
/// and CI run. <see cref="EnsureRestoredAsync"/> runs <c>dotnet tool restore</c> when the pinned version is not
/// in the NuGet cache yet, so the README's one command works on a fresh clone.
/// </summary>
internal sealed class KernelTool
{
    public const string PackageId = "microsoft.dotnet-interactive";
    public const string CommandName = "dotnet-interactive";

    private KernelTool(string manifestRoot, string version)
    {
        ManifestRoot = manifestRoot;
        Version = version;
    }

    /// <summary>The folder holding <c>.config/dotnet-tools.json</c>; <c>dotnet tool run</c> starts here.</summary>
    public string ManifestRoot { get; }

    /// <summary>The version the manifest pins.</summary>
    public string Version { get; }

    /// <summary>
    /// The manifest above the runner's own build output (the runner belongs to the repository), else above the
    /// current directory. Throws <see cref="KernelUnavailableException"/> with what to do when there is none.
    /// </summary>
    public static KernelTool Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, ".config", "dotnet-tools.json");
                if (!File.Exists(manifest)) continue;
                using var json = JsonDocument.Parse(File.ReadAllText(manifest));
                if (json.RootElement.TryGetProperty("tools", out var tools)
                    && tools.TryGetProperty(PackageId, out var tool)
                    && tool.TryGetProperty("version", out var version))
                    return new KernelTool(dir.FullName, version.GetString()!);
            }
        }
        throw new KernelUnavailableException(
            $"No .config/dotnet-tools.json pinning {PackageId} was found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}. " +
            "Run the course runner from the course repository.");
    }

    /// <summary>
    /// Restores the pinned tool if the NuGet cache does not have it (a fresh machine). Returns what it did, for the log.
    /// </summary>
    public async Task<string> EnsureRestoredAsync()
    {
        if (IsInCache()) return $"{PackageId} {Version} (pinned in .config/dotnet-tools.json)";
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet", ["tool", "restore"])
        {
            WorkingDirectory = ManifestRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new KernelUnavailableException($"Could not start `dotnet tool restore` to install the kernel: {e.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new KernelUnavailableException(
                    $"`dotnet tool restore` in {ManifestRoot} failed (exit code {process.ExitCode}), so the pinned kernel " +
                    $"{PackageId} {Version} is not installed. Check that the NuGet feed is reachable, then run `dotnet tool restore` yourself.\n" +
                    (await stdout + await stderr).Trim());
        }
        return $"{PackageId} {Version} (restored with `dotnet tool restore` in {clock.Elapsed.TotalSeconds:0.0} s)";
    }

    /// <summary>How VS Code starts it (kernelTransportArgs): <c>dotnet tool run dotnet-interactive -- stdio …</c>.</summary>
    public ProcessStartInfo StartInfo(string notebookDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ManifestRoot, // where `dotnet tool run` finds the manifest
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var arg in (string[])["tool", "run", CommandName, "--", "stdio", "--default-kernel", "csharp", "--working-dir", notebookDirectory])
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["BACKENDLAB_PROGRESS"] = "off"; // a run never reads or changes a learner's progress
        return start;
    }

    private bool IsInCache()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // `dotnet tool run` also needs the restore's entry in the CLI's tool resolver cache (under DOTNET_CLI_HOME or HOME):
        // a package in the NuGet cache alone (a shared NUGET_PACKAGES, a new HOME) is not enough.
        var cliHome = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") is { Length: > 0 } home
            ? home
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Directory.Exists(Path.Combine(cache, PackageId, Version, "tools"))
            && File.Exists(Path.Combine(cliHome, ".dotnet", "toolResolverCache", "1", PackageId));
    }
}

/// <summary>The pinned kernel cannot be found, installed or started; the message says what to do.</summary>
internal sealed class KernelUnavailableException(string message) : Exception(message);
