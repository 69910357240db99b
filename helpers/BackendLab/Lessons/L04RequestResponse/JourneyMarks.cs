using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>Timestamps (<see cref="Stopwatch.GetTimestamp"/>) one connection has seen; 0 means "not yet".</summary>
internal sealed class ConnectionMarks
{
    public const string Key = "BackendLab.ConnectionMarks";
    public long Accepted;
    long _firstByte;
    public int Requests;

    /// <summary>When the first bytes of the current request arrived.</summary>
    public long FirstByte => Volatile.Read(ref _firstByte);

    public void OnBytes() => Interlocked.CompareExchange(ref _firstByte, Stopwatch.GetTimestamp(), 0);

    /// <summary>Called when a response is finished: the next bytes belong to the next request.</summary>
    public void NextRequest() => Volatile.Write(ref _firstByte, 0);

    /// <summary>Kestrel connection middleware: stamps the accept time and watches the socket for the first bytes of each request.</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware => next => async connection =>
    {
        var marks = new ConnectionMarks { Accepted = Stopwatch.GetTimestamp() };
        connection.Items[Key] = marks;
        var transport = connection.Transport;
        connection.Transport = new WatchedPipe(transport, marks);
        try { await next(connection); }
        finally { connection.Transport = transport; }
    };

    sealed class WatchedPipe(IDuplexPipe inner, ConnectionMarks marks) : IDuplexPipe
    {
        public PipeReader Input { get; } = new WatchedReader(inner.Input, marks);
        public PipeWriter Output => inner.Output;
    }

    /// <summary>A reader that notes when a read first returns data; everything else goes to the real socket reader.</summary>
    sealed class WatchedReader(PipeReader inner, ConnectionMarks marks) : PipeReader
    {
        public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);
        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);
        public override void CancelPendingRead() => inner.CancelPendingRead();
        public override void Complete(Exception? exception = null) => inner.Complete(exception);
        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool TryRead(out ReadResult result)
        {
            var ok = inner.TryRead(out result);
            if (ok) Note(result);
            return ok;
        }

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var read = inner.ReadAsync(cancellationToken);
            if (read.IsCompletedSuccessfully) { Note(read.Result); return read; }
            return Slow(read);

            async ValueTask<ReadResult> Slow(ValueTask<ReadResult> pending)
            {
                var result = await pending;
                Note(result);
                return result;
            }
        }

        void Note(in ReadResult result)
        {
            if (!result.Buffer.IsEmpty) marks.OnBytes();
        }
    }
}

/// <summary>Timestamps one request has seen inside the pipeline; 0 means "not reached".</summary>
internal sealed class RequestMarks
{
    public long PipelineEntry, RoutingStart, RoutingEnd, HandlerStart, HandlerEnd, ResponseStarted, PipelineEnd;
    public long Accepted, FirstByte;
    public int RequestOnConnection;
    public string? Endpoint, RoutePattern;
    public int StatusCode;
}
