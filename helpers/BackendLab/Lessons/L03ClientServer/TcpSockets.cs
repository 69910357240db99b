using System.Globalization;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L03ClientServer;

/// <summary>
/// How many of this machine's TCP sockets touch one port, by state. Lesson 3 uses it to count the sockets a
/// closed connection leaves behind in <c>TIME_WAIT</c>. Defined in lesson 3.
/// </summary>
/// <param name="Port">The port counted: a socket counts when its local or its remote port is this one.</param>
/// <param name="Established">Open connections. On loopback both ends live on this machine, so one connection counts twice.</param>
/// <param name="TimeWait">Closed connections the operating system still remembers (about 60 s on Linux) on the side that closed first.</param>
/// <param name="Listening">Listening sockets (1 while a server listens on the port).</param>
/// <param name="Other">Sockets in any other state (opening, closing).</param>
/// <param name="Source">Where the numbers come from, e.g. "/proc/net/tcp + /proc/net/tcp6", or why there are none.</param>
/// <param name="IsSupported">False when this operating system gave no socket table; then every count is 0.</param>
public sealed record TcpSocketCount(int Port, int Established, int TimeWait, int Listening, int Other, string Source, bool IsSupported)
    : IHtmlContent
{
    /// <summary>A table: the port and each state's count, with the source underneath.</summary>
    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder)
    {
        if (!IsSupported) { writer.Write($"<div>{encoder.Encode(Source)}</div>"); return; }
        writer.Write(new HtmlTable($"TCP sockets on port {Port}")
            .Column("ESTABLISHED", "open connections")
            .Column("TIME_WAIT", "closed connections still remembered by the side that closed first")
            .Column("LISTEN").Column("other")
            .Row(Established, TimeWait, Listening, Other).ToString());
        writer.Write($"<div style=\"font-size:12px;opacity:.75\">counted from {encoder.Encode(Source)}</div>");
    }
}

/// <summary>Counts this machine's TCP sockets by state. Defined in lesson 3.</summary>
public static class TcpSockets
{
    /// <summary>
    /// Counts the TCP sockets (IPv4 and IPv6) whose local or remote port is <paramref name="port"/>, by state.
    /// On Linux it reads the kernel's tables <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>; elsewhere it asks .NET's
    /// <see cref="IPGlobalProperties"/>, and when that is not available either, returns <c>IsSupported = false</c> with the reason.
    /// </summary>
    /// <remarks>Inside a container the tables show the container's own network namespace: exactly the sockets a notebook made.</remarks>
    public static TcpSocketCount Count(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        if (OperatingSystem.IsLinux() && File.Exists("/proc/net/tcp"))
            return CountStates(port, ReadProcStates(port), "/proc/net/tcp + /proc/net/tcp6");
        try
        {
            var states = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
                .Where(c => c.LocalEndPoint.Port == port || c.RemoteEndPoint.Port == port)
                .Select(c => c.State switch
                {
                    TcpState.Established => "01", TcpState.TimeWait => "06", TcpState.Listen => "0A", _ => "xx",
                }).ToList();
            var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Count(l => l.Port == port);
            return CountStates(port, states.Concat(Enumerable.Repeat("0A", listeners)), "IPGlobalProperties (this OS has no /proc/net/tcp)");
        }
        catch (Exception error) when (error is PlatformNotSupportedException or NetworkInformationException or InvalidOperationException)
        {
            return new TcpSocketCount(port, 0, 0, 0, 0,
                $"Socket states are not available on this operating system ({error.GetType().Name}); run the course in its devcontainer (Linux) to see them.", false);
        }
    }

    /// <summary>Parses lines of <c>/proc/net/tcp</c>-style text and returns the state codes of the sockets using <paramref name="port"/>.</summary>
    internal static IEnumerable<string> ParseProcTable(IEnumerable<string> lines, int port)
    {
        foreach (var line in lines.Skip(1)) // the first line is the column header
        {
            // "  0: 0100007F:1F90 0100007F:C350 06 ..." : sl, local address:port, remote address:port, state (hex)
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4) continue;
            if (PortOf(fields[1]) == port || PortOf(fields[2]) == port) yield return fields[3].ToUpperInvariant();
        }
    }

    static IEnumerable<string> ReadProcStates(int port) =>
        new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).SelectMany(path => ParseProcTable(File.ReadLines(path), port)).ToList();

    static int PortOf(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon >= 0 && int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var p) ? p : -1;
    }

    // State codes are the kernel's (include/net/tcp_states.h): 01 ESTABLISHED, 06 TIME_WAIT, 0A LISTEN.
    static TcpSocketCount CountStates(int port, IEnumerable<string> states, string source)
    {
        int established = 0, timeWait = 0, listening = 0, other = 0;
        foreach (var state in states)
        {
            switch (state)
            {
                case "01": established++; break;
                case "06": timeWait++; break;
                case "0A": listening++; break;
                default: other++; break;
            }
        }
        return new TcpSocketCount(port, established, timeWait, listening, other, source, true);
    }
}
