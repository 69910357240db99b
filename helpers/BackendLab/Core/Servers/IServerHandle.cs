namespace BackendLab;

/// <summary>
/// A server a notebook started, whatever runs it: an in-process minimal API (<see cref="RunningServer"/>), the lab
/// server's child process (<see cref="LabProcess"/>), a lesson's instrumented or raw-TCP server. Each listens on
/// 127.0.0.1, is listed in <see cref="Servers"/> under its name, and stops with <see cref="StopAsync"/> (or
/// <see cref="Servers.StopAllAsync"/>). Derive from <see cref="ServerHandle"/> to add a kind.
/// </summary>
public interface IServerHandle : IAsyncDisposable
{
    /// <summary>The name it was started under; starting another server under this name replaces this one.</summary>
    string Name { get; }

    /// <summary>Where it listens, ending in a slash, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    Uri BaseAddress { get; }

    /// <summary>An <see cref="HttpClient"/> aimed at <see cref="BaseAddress"/>: <c>await server.Client.GetStringAsync("/hello")</c>.</summary>
    HttpClient Client { get; }

    /// <summary>True until it is stopped.</summary>
    bool IsRunning { get; }

    /// <summary>Stops the server and closes its port. Calling it again does nothing.</summary>
    Task StopAsync();
}
