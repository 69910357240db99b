using Microsoft.AspNetCore.WebUtilities;

namespace BackendLab.Lessons.L01BackendBasics;

/// <summary>
/// A sequence diagram of the last requests a server answered, drawn from its own log (<see cref="RunningServer.Log"/>):
/// one arrow per request from the client that sent it, one back with the status and the time the server spent on it.
/// The log does not know who sent a request, so you name the senders, one per request, in the order they were sent:
/// <code>LogSequence.Draw("Alice, Bob and the board", board, "Alice", "Alice", "Bob")</code>
/// Introduced in lesson 1.
/// </summary>
public static class LogSequence
{
    /// <summary>Draws the last <c>senders.Length</c> requests of <paramref name="server"/>'s log, the oldest first.</summary>
    /// <param name="title">What the picture shows.</param>
    /// <param name="server">The server whose log is drawn; its name labels its lifeline.</param>
    /// <param name="senders">Who sent each of the last requests, oldest first (e.g. "Alice", "Bob").</param>
    /// <exception cref="ArgumentException">The log holds fewer requests than senders were named.</exception>
    public static Picture Draw(string title, RunningServer server, params string[] senders)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(senders);
        if (senders.Length == 0) throw new ArgumentException("Name who sent each request, e.g. \"Alice\", \"Bob\".", nameof(senders));
        var log = server.Log.ToList();
        if (log.Count < senders.Length)
            throw new ArgumentException($"{server.Name}'s log holds {log.Count} request(s), but {senders.Length} senders were named.", nameof(senders));
        var served = log[^senders.Length..];
        string[] participants = [.. senders.Distinct(), server.Name];
        var steps = served.Zip(senders).SelectMany(p => new SequenceStep[]
        {
            new(p.Second, server.Name, $"{p.First.Method} {p.First.Path}"),
            new(server.Name, p.Second, $"{p.First.StatusCode} {ReasonPhrases.GetReasonPhrase(p.First.StatusCode)}, server time", p.First.DurationMs),
        }).ToArray();
        return SequenceDiagram.Draw(title, participants, steps);
    }
}
