using System.Runtime.InteropServices;

namespace BackendLab;

/// <summary>Where the lab server's DLL and the <c>dotnet</c> launcher are on this machine.</summary>
internal static class LabServerFiles
{
    /// <summary>
    /// <c>labserver/LabServer.dll</c> next to BackendLab.dll (the build copies it there), or the path in the
    /// environment variable <c>BACKENDLAB_LABSERVER</c>.
    /// </summary>
    public static string ServerDll()
    {
        var configured = Environment.GetEnvironmentVariable("BACKENDLAB_LABSERVER");
        if (!string.IsNullOrEmpty(configured)) return configured;
        var here = Path.GetDirectoryName(typeof(LabServerFiles).Assembly.Location) ?? AppContext.BaseDirectory;
        var dll = Path.Combine(here, "labserver", "LabServer.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException(
            $"The lab server is not built: '{dll}' is missing. Run `dotnet build` at the repository root.", dll);
    }

    /// <summary>The <c>dotnet</c> launcher of the runtime we are running on (so the child uses the same .NET).</summary>
    public static string Dotnet()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ -> .../dotnet/dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        if (File.Exists(Path.Combine(root, name))) return Path.Combine(root, name);
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == name) return self;
        return name; // on PATH
    }
}
