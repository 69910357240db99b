using System.Text;

namespace BackendLab.LoadEngine;

/// <summary>
/// Reads one HTTP/1.1 response incrementally: status line and headers, then a body framed by
/// Content-Length, chunked transfer encoding, or the connection closing. Body bytes are counted, not kept.
/// </summary>
internal sealed class ResponseReader
{
    enum Phase { Headers, Fixed, Chunked, UntilClose, Done }
    enum Chunk { Size, Extension, SizeLf, Data, DataCr, DataLf, Trailer }

    byte[] _buffer = new byte[8192];
    int _filled;
    Phase _phase;
    long _remaining;
    Chunk _chunk;
    int _trailerLine;

    public int Status { get; private set; }
    public bool KeepAlive { get; private set; }
    public bool Done => _phase == Phase.Done;
    public bool ReadsUntilClose => _phase == Phase.UntilClose;
    public bool Started => _filled > 0 || _phase != Phase.Headers;

    public void Reset() { _filled = 0; _phase = Phase.Headers; Status = 0; }

    /// <summary>Where the next received bytes go.</summary>
    public Memory<byte> Free
    {
        get
        {
            if (_phase != Phase.Headers) return _buffer;
            if (_filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            return _buffer.AsMemory(_filled);
        }
    }

    /// <summary>Takes <paramref name="count"/> bytes just received into <see cref="Free"/>; false if the response is malformed.</summary>
    public bool Received(int count)
    {
        if (_phase != Phase.Headers) return Body(_buffer.AsSpan(0, count));
        var searchFrom = Math.Max(0, _filled - 3);
        _filled += count;
        var end = _buffer.AsSpan(searchFrom, _filled - searchFrom).IndexOf("\r\n\r\n"u8);
        if (end < 0) return _filled < 1 << 20; // headers larger than 1 MB: give up
        end += searchFrom + 4;
        return Headers(_buffer.AsSpan(0, end)) && Body(_buffer.AsSpan(end, _filled - end));
    }

    /// <summary>Call when the server closed the connection; true if that completes the response.</summary>
    public bool Closed()
    {
        if (_phase != Phase.UntilClose) return false;
        _phase = Phase.Done;
        return true;
    }

    bool Headers(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8)) return false;
        Status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
        KeepAlive = head[7] == '1';
        long length = -1;
        var chunked = false;
        var lines = head[(head.IndexOf("\r\n"u8) + 2)..];
        while (lines.Length > 2)
        {
            var lineEnd = lines.IndexOf("\r\n"u8);
            var line = lines[..lineEnd];
            lines = lines[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0) continue;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (name.Length == 14 && Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!long.TryParse(value, out length)) return false;
            }
            else if (name.Length == 17 && Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
                chunked = value.IndexOf("chunked"u8) >= 0;
            else if (name.Length == 10 && Ascii.EqualsIgnoreCase(name, "Connection"u8))
                KeepAlive = !Ascii.EqualsIgnoreCase(value, "close"u8);
        }
        var noBody = HeadRequest || Status is (>= 100 and < 200) or 204 or 304;
        if (noBody || length == 0) _phase = Phase.Done;
        else if (chunked) { _phase = Phase.Chunked; _chunk = Chunk.Size; _remaining = 0; }
        else if (length > 0) { _phase = Phase.Fixed; _remaining = length; }
        else { _phase = Phase.UntilClose; KeepAlive = false; }
        return true;
    }

    /// <summary>Set by the connection: HEAD responses have no body whatever their headers say.</summary>
    public bool HeadRequest { get; set; }

    bool Body(ReadOnlySpan<byte> data)
    {
        switch (_phase)
        {
            case Phase.Fixed:
                _remaining -= data.Length;
                if (_remaining <= 0) _phase = Phase.Done;
                return true;
            case Phase.Chunked:
                return ChunkedBody(data);
            default:
                return true;
        }
    }

    bool ChunkedBody(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length && _phase == Phase.Chunked; i++)
        {
            var b = data[i];
            switch (_chunk)
            {
                case Chunk.Size:
                    var digit = HexValue(b);
                    if (digit >= 0) { _remaining = _remaining * 16 + digit; if (_remaining > 1L << 40) return false; }
                    else if (b == ';') _chunk = Chunk.Extension;
                    else if (b == '\r') _chunk = Chunk.SizeLf;
                    else return false;
                    break;
                case Chunk.Extension:
                    if (b == '\r') _chunk = Chunk.SizeLf;
                    break;
                case Chunk.SizeLf:
                    if (b != '\n') return false;
                    if (_remaining == 0) { _chunk = Chunk.Trailer; _trailerLine = 0; }
                    else _chunk = Chunk.Data;
                    break;
                case Chunk.Data:
                    var take = (int)Math.Min(_remaining, data.Length - i);
                    _remaining -= take;
                    i += take - 1;
                    if (_remaining == 0) _chunk = Chunk.DataCr;
                    break;
                case Chunk.DataCr:
                    if (b != '\r') return false;
                    _chunk = Chunk.DataLf;
                    break;
                case Chunk.DataLf:
                    if (b != '\n') return false;
                    _chunk = Chunk.Size;
                    break;
                case Chunk.Trailer:
                    if (b == '\n') { if (_trailerLine == 0) _phase = Phase.Done; _trailerLine = 0; }
                    else if (b != '\r') _trailerLine++;
                    break;
            }
        }
        return true;
    }

    static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
