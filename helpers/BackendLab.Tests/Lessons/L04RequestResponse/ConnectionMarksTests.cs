using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using BackendLab.Lessons.L04RequestResponse;

namespace BackendLab.Tests.Lessons.L04RequestResponse;

/// <summary>
/// The one-core race of lesson 4: the socket reader that stamps the first bytes must hand Kestrel each read once, even
/// when the read completes between starting it and checking it (what a preemption on one core, or another core's I/O
/// thread, does). A real <see cref="Pipe"/> whose data arrives exactly in that window.
/// </summary>
public class ConnectionMarksTests
{
    /// <summary>A pipe reader whose read is still pending when it starts, and whose data arrives before the caller looks.</summary>
    sealed class DataArrivesDuringTheRead(Pipe pipe, byte[] data) : PipeReader
    {
        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var pending = pipe.Reader.ReadAsync(cancellationToken);   // nothing written yet: backed by the pipe itself
            pipe.Writer.Write(data);
            pipe.Writer.FlushAsync().AsTask().Wait();                 // the socket's I/O thread delivers the bytes now
            return pending;
        }
        public override bool TryRead(out ReadResult result) => pipe.Reader.TryRead(out result);
        public override void AdvanceTo(SequencePosition consumed) => pipe.Reader.AdvanceTo(consumed);
        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => pipe.Reader.AdvanceTo(consumed, examined);
        public override void CancelPendingRead() => pipe.Reader.CancelPendingRead();
        public override void Complete(Exception? exception = null) => pipe.Reader.Complete(exception);
    }

    [Fact]
    public async Task A_read_that_completes_while_it_is_being_checked_reaches_the_server_once_and_intact()
    {
        var pipe = new Pipe();
        var marks = new ConnectionMarks();
        var reader = new ConnectionMarks.WatchedReader(new DataArrivesDuringTheRead(pipe, Encoding.ASCII.GetBytes("POST /orders/1 HTTP/1.1\r\n")), marks);

        var result = await reader.ReadAsync();   // Kestrel awaits the ValueTask it was given: it must be unconsumed
        Assert.Equal("POST /orders/1 HTTP/1.1\r\n", Encoding.ASCII.GetString(result.Buffer));
        reader.AdvanceTo(result.Buffer.End);       // and the pipe must accept the next step of the read
        Assert.NotEqual(0, marks.FirstByte);
    }
}
