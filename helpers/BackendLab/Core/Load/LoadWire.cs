using System.Text.Json;
using HdrHistogram;
using HdrHistogram.Utilities;

namespace BackendLab;

/// <summary>
/// How a load request and its result cross between processes (see <see cref="SeparateProcessLoad"/>): JSON, with every
/// histogram in HdrHistogram's own compressed encoding (base64), which keeps each recorded count in its bucket, so the
/// percentiles, mean and max read on this side are the ones the generator recorded.
/// </summary>
internal static class LoadWire
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    sealed record Request(string Url, LoadOptions Options);

    sealed record Second(int Index, long Count, long Errors, string Latencies);

    sealed record Result(
        string Url, int Concurrency, double? Rate, TimeSpan Elapsed, TimeSpan Window, long Ok, long Count, long Errors,
        Dictionary<string, long> ErrorsByKind, long Late, double RequestsPerSecond, double ErrorsPerSecond, double ResponsesPerSecond,
        string Latencies, List<Second> Timeline, TimeSpan ClientCpuTime, int ProcessorCount, int GeneratorProcessId);

    /// <summary>A load request: where, and how (the options' progress listener stays on this side).</summary>
    public static string WriteRequest(string url, LoadOptions options) => JsonSerializer.Serialize(new Request(url, options), Json);

    /// <summary>Reads <see cref="WriteRequest"/>'s text.</summary>
    public static (string Url, LoadOptions Options) ReadRequest(string json) =>
        JsonSerializer.Deserialize<Request>(json, Json) is { Url: { } url, Options: { } options }
            ? (url, options)
            : throw new ArgumentException("A load request needs a \"url\" and \"options\".", nameof(json));

    /// <summary>A result, latencies included.</summary>
    public static string WriteResult(LoadResult r) => JsonSerializer.Serialize(new Result(
        r.Url, r.Concurrency, r.Rate, r.Elapsed, r.Window, r.Ok, r.Count, r.Errors, new(r.ErrorsByKind), r.Late,
        r.RequestsPerSecond, r.ErrorsPerSecond, r.ResponsesPerSecond, Encode(r.Latencies),
        [.. r.Timeline.Select(s => new Second(s.Second, s.Count, s.Errors, Encode(s.Latencies)))],
        r.ClientCpuTime, r.ProcessorCount, r.GeneratorProcessId), Json);

    /// <summary>Reads <see cref="WriteResult"/>'s text back into the same kind of <see cref="LoadResult"/>.</summary>
    public static LoadResult ReadResult(string json)
    {
        var r = JsonSerializer.Deserialize<Result>(json, Json) ?? throw new InvalidOperationException("The load generator answered an empty result.");
        return new LoadResult
        {
            Url = r.Url, Concurrency = r.Concurrency, Rate = r.Rate, Elapsed = r.Elapsed, Window = r.Window, Ok = r.Ok, Count = r.Count,
            Errors = r.Errors, ErrorsByKind = r.ErrorsByKind, Late = r.Late, RequestsPerSecond = r.RequestsPerSecond,
            ErrorsPerSecond = r.ErrorsPerSecond, ResponsesPerSecond = r.ResponsesPerSecond, Latencies = Decode(r.Latencies),
            Timeline = [.. r.Timeline.Select(s => new LoadSecond { Second = s.Index, Count = s.Count, Errors = s.Errors, Latencies = Decode(s.Latencies) })],
            ClientCpuTime = r.ClientCpuTime, ProcessorCount = r.ProcessorCount, GeneratorProcessId = r.GeneratorProcessId,
        };
    }

    /// <summary>HdrHistogram's compressed encoding of <paramref name="histogram"/>, as base64.</summary>
    internal static string Encode(HistogramBase histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = HistogramEncoding.EncodeIntoCompressedByteBuffer(histogram, buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++) bytes[i] = buffer.Get();
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The histogram <see cref="Encode"/> wrote (a <see cref="LongHistogram"/> or <see cref="IntHistogram"/>, as it was).</summary>
    internal static HistogramBase Decode(string base64) =>
        HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(Convert.FromBase64String(base64)), 0);
}
