namespace BackendLab;

/// <summary>
/// How the load generator drives its connections (<see cref="LoadOptions.Engine"/>). Both speak the same HTTP/1.1 on
/// the same kind of keep-alive connections and count, time and classify requests the same way; they differ only in
/// how the client waits for sockets, so they measure the same server alike (a test runs both on one server).
/// </summary>
public enum LoadEngineKind
{
    /// <summary>
    /// .NET's async sockets on the thread pool: works on every operating system. The default where
    /// <see cref="Epoll"/> is not available (macOS, Windows), and the engine of every open-loop run.
    /// </summary>
    Sockets,

    /// <summary>
    /// Linux's epoll on dedicated threads, one per core (as wrk does): fewer system calls and thread hops per request,
    /// and independent of the thread pool. Linux on x64 or arm64 only; the default there for closed-loop runs.
    /// </summary>
    Epoll,
}
