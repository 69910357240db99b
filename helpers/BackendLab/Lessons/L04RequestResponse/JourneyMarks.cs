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
    internal sealed class WatchedReader(PipeReader inner, ConnectionMarks marks) : PipeReader
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

        // A ValueTask may be consumed once. The socket's reader hands out ValueTasks backed by the pipe itself: if one
        // completes between ReadAsync and the IsCompletedSuccessfully check (another thread, or a preemption on one core),
        // reading .Result here and returning the same ValueTask let Kestrel consume it a second time, which corrupts the
        // pipe's read state ("The response ended prematurely" on the client). So the fast path returns a fresh ValueTask.
        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var read = inner.ReadAsync(cancellationToken);
            if (read.IsCompletedSuccessfully)
            {
                var result = read.Result;
                Note(result);
                return new ValueTask<ReadResult>(result);
            }
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
