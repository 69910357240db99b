using System.Net.Sockets;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// An <see cref="HttpClient"/> that counts the bytes that really cross its TCP connections (headers and body, both ways),
/// so you can measure what a 304, compression or a smaller payload saves (Lesson 4).
/// <code>
/// var counting = new CountingClient(server.BaseAddress);
/// await counting.Client.GetAsync("/report");
/// counting.BytesReceived
/// </code>
/// </summary>
public sealed class CountingClient : IDisposable
{
    long _sent, _received;

    /// <summary>Creates a client for <paramref name="baseAddress"/> (must be on this machine).</summary>
    public CountingClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new CountedStream(new NetworkStream(socket, ownsSocket: true), this);
                }
                catch { socket.Dispose(); throw; }
            },
        };
        Client = new HttpClient(new LoopbackHandler(handler)) { BaseAddress = Loopback.Require(baseAddress), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The client to send requests with.</summary>
    public HttpClient Client { get; }

    /// <summary>Bytes written to the network since creation or <see cref="Reset"/> (request lines, headers, bodies).</summary>
    public long BytesSent => Interlocked.Read(ref _sent);

    /// <summary>Bytes read from the network since creation or <see cref="Reset"/> (status lines, headers, bodies).</summary>
    public long BytesReceived => Interlocked.Read(ref _received);

    /// <summary>Sets both counters back to 0.</summary>
    public void Reset() { Interlocked.Exchange(ref _sent, 0); Interlocked.Exchange(ref _received, 0); }

    /// <inheritdoc/>
    public void Dispose() => Client.Dispose();

    sealed class CountedStream(Stream inner, CountingClient counter) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Interlocked.Add(ref counter._sent, count);
        }
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Interlocked.Add(ref counter._sent, buffer.Length);
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        int Counted(int n) { Interlocked.Add(ref counter._received, n); return n; }

        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
        public override ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
