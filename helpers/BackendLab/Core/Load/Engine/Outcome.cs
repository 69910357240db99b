namespace BackendLab.LoadEngine;

/// <summary>How one request ended: a status code, or a failure without a response.</summary>
internal readonly record struct Outcome(int Status, Failure Failure)
{
    public static Outcome Of(Failure failure) => new(0, failure);
    public bool Answered => Failure == Failure.None;
    public bool Ok => Answered && Status is >= 200 and < 400;

    /// <summary>A short label for the errors table: "HTTP 500", "timeout", "connection refused", ...</summary>
    public string Kind => Failure switch
    {
        Failure.None => $"HTTP {Status}",
        Failure.Timeout => "timeout",
        Failure.ConnectionRefused => "connection refused",
        Failure.ConnectionReset => "connection reset",
        Failure.ConnectionClosed => "connection closed before the response",
        Failure.BadResponse => "malformed response",
        Failure.Dropped => "dropped: too many requests in flight",
        _ => "other socket error",
    };
}

internal enum Failure { None, Timeout, ConnectionRefused, ConnectionReset, ConnectionClosed, BadResponse, Dropped, Other }

/// <summary>What a socket error means for a request.</summary>
internal static class Failures
{
    /// <summary>Refused, reset, or something else.</summary>
    public static Failure Of(System.Net.Sockets.SocketError error) => error switch
    {
        System.Net.Sockets.SocketError.ConnectionRefused => Failure.ConnectionRefused,
        System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted or System.Net.Sockets.SocketError.Shutdown => Failure.ConnectionReset,
        _ => Failure.Other,
    };
}
