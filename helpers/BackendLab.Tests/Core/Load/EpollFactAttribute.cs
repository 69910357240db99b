namespace BackendLab.Tests.Core;

/// <summary>A fact that compares both load engines: reported as SKIPPED where epoll does not exist (macOS, Windows), never silently passed.</summary>
public sealed class EpollFactAttribute : FactAttribute
{
    public EpollFactAttribute() =>
        Skip = LoadOptions.BestEngine == LoadEngineKind.Epoll ? null : "Only the Sockets engine exists here: epoll needs Linux on x64 or arm64.";
}
