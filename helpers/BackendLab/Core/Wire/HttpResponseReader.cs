using System.Globalization;
using System.Text;

namespace BackendLab;

/// <summary>
/// Reads exactly one HTTP/1.1 response from a stream, byte by byte as it arrives, and stops where the response ends:
/// after Content-Length bytes, after the last chunk, or when the server closes the connection.
/// (Written by hand, not with HttpClient, because the lesson is about seeing those bytes.)
/// </summary>
internal sealed class HttpResponseReader(Stream stream, bool requestWasHead)
{
    readonly MemoryStream _raw = new();

    /// <summary>Every byte received so far, including ones read before a timeout.</summary>
    public byte[] Received => _raw.ToArray();

    public int? StatusCode { get; private set; }
    public List<KeyValuePair<string, string>> Headers { get; } = [];
    public byte[] Body { get; private set; } = [];

    public async Task ReadAsync(CancellationToken cancel)
    {
        var headStart = 0;
        while (true)
        {
            var headEnd = await FindAsync("\r\n\r\n"u8.ToArray(), headStart, cancel);
            if (headEnd < 0) return; // connection closed before a complete head
            ParseHead(Encoding.Latin1.GetString(_raw.GetBuffer(), headStart, headEnd - headStart));
            var bodyStart = headEnd + 4;
            if (StatusCode is >= 100 and < 200 and not 101) { headStart = bodyStart; Headers.Clear(); continue; }
            Body = await ReadBodyAsync(bodyStart, cancel);
            return;
        }
    }

    async Task<byte[]> ReadBodyAsync(int start, CancellationToken cancel)
    {
        if (requestWasHead || StatusCode is 204 or 304 or 101) return [];
        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            return await ReadChunksAsync(start, cancel);
        if (long.TryParse(Header("Content-Length"), out var length))
        {
            while (_raw.Length < start + length && await FillAsync(cancel)) { }
            return Slice(start, (int)Math.Min(length, _raw.Length - start));
        }
        while (await FillAsync(cancel)) { }
        return Slice(start, (int)_raw.Length - start);
    }

    async Task<byte[]> ReadChunksAsync(int position, CancellationToken cancel)
    {
        var body = new MemoryStream();
        while (true)
        {
            var lineEnd = await FindAsync("\r\n"u8.ToArray(), position, cancel);
            if (lineEnd < 0) return body.ToArray();
            var sizeText = Encoding.Latin1.GetString(_raw.GetBuffer(), position, lineEnd - position).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size)) return body.ToArray();
            position = lineEnd + 2;
            if (size == 0)
            {
                await FindAsync("\r\n"u8.ToArray(), position, cancel); // trailers end with an empty line
                return body.ToArray();
            }
            while (_raw.Length < position + size + 2 && await FillAsync(cancel)) { }
            var available = (int)Math.Min(size, _raw.Length - position);
            body.Write(_raw.GetBuffer(), position, available);
            if (available < size) return body.ToArray();
            position += size + 2;
        }
    }

    /// <summary>The index where <paramref name="marker"/> starts at or after <paramref name="from"/>, reading more as needed; -1 at end of stream.</summary>
    async Task<int> FindAsync(byte[] marker, int from, CancellationToken cancel)
    {
        while (true)
        {
            var index = _raw.GetBuffer().AsSpan(from, (int)_raw.Length - from).IndexOf(marker);
            if (index >= 0) return from + index;
            if (!await FillAsync(cancel)) return -1;
        }
    }

    async Task<bool> FillAsync(CancellationToken cancel)
    {
        var buffer = new byte[8192];
        var read = await stream.ReadAsync(buffer, cancel);
        _raw.Write(buffer, 0, read);
        return read > 0;
    }

    void ParseHead(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        StatusCode = parts.Length >= 2 && int.TryParse(parts[1], out var code) ? code : null;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) Headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
    }

    string? Header(string name) => Headers.LastOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    byte[] Slice(int start, int count) => count <= 0 ? [] : _raw.GetBuffer().AsSpan(start, count).ToArray();
}
