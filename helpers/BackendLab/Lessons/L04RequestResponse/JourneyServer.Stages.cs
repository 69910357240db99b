using System.Diagnostics;
using System.Net.Sockets;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>How a <see cref="JourneyServer"/> turns its time stamps into the stages of a <see cref="RequestJourney"/>.</summary>
public sealed partial class JourneyServer
{
    static RequestJourney Build(string label, long t0, ConnectTimes connect, long body, RequestMarks m, int status, bool newConnection)
    {
        double Ms(long t) => (t - t0) * 1000.0 / Stopwatch.Frequency;
        var stages = new List<JourneyStage>();
        void Add(string name, long start, long end, string where)
        {
            if (start != 0 && end != 0 && end >= start) stages.Add(new JourneyStage(name, Ms(start), Ms(end), where));
        }
        var sent = newConnection && connect.End != 0 ? connect.End : t0;
        if (newConnection) Add("client prepares", t0, connect.Start, "client");
        if (newConnection) Add("TCP connect", connect.Start, connect.End, "client");
        Add("bytes on the wire", sent, m.FirstByte != 0 ? m.FirstByte : m.PipelineEntry, "server");
        Add("parsing (Kestrel)", m.FirstByte, m.PipelineEntry, "server");
        Add("middleware", m.PipelineEntry, m.RoutingStart, "server");
        Add("routing", m.RoutingStart, m.RoutingEnd, "server");
        Add("binding", m.RoutingEnd, m.HandlerStart, "server");
        Add("handler", m.HandlerStart, m.HandlerEnd, "server");
        Add("serialize + write", m.HandlerEnd != 0 ? m.HandlerEnd : m.RoutingEnd, m.PipelineEnd, "server");
        Add("client reads response", m.ResponseStarted != 0 ? m.ResponseStarted : m.PipelineEnd, body, "client");
        return new RequestJourney(label, stages, status, m.Endpoint, newConnection, m.RequestOnConnection);
    }

    sealed class ConnectTimes { public long Start, End; }

    static SocketsHttpHandler NewHandler(ConnectTimes? times) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, token) =>
        {
            if (times is not null) times.Start = Stopwatch.GetTimestamp();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, token);
                if (times is not null) times.End = Stopwatch.GetTimestamp();
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch { socket.Dispose(); throw; }
        },
    };
}
