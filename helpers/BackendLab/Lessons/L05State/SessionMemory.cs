using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L05State;

/// <summary>
/// Measures how much memory a server keeps per session (Lesson 5). It creates sessions through the server's own
/// endpoints and reads the managed heap size (after a full garbage collection) at two points, so the fixed costs of
/// warming up cancel out: bytes per session = (heap after 2N sessions − heap after N) / N.
/// The server must run in this process (a <c>Servers</c> or <c>Cluster</c> server does).
/// </summary>
public static class SessionMemory
{
    /// <summary>Creates <c>2 × <paramref name="sessions"/></c> sessions with <paramref name="newSession"/> and returns the memory each one keeps.</summary>
    /// <param name="client">A client of the server.</param>
    /// <param name="newSession">Builds the request that creates session number i, e.g. <c>i => new HttpRequestMessage(HttpMethod.Post, $"/cart/user{i}/items?item=tea")</c>.</param>
    /// <param name="sessions">N, the sessions per step (100 to 20 000). Default: 2000.</param>
    public static async Task<SessionMemoryResult> MeasureAsync(HttpClient client, Func<int, HttpRequestMessage> newSession, int sessions = 2000)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(newSession);
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sessions, 20_000);
        await CreateAsync(client, newSession, 0, sessions);
        var after1 = Heap();
        await CreateAsync(client, newSession, sessions, sessions);
        var after2 = Heap();
        return new SessionMemoryResult(sessions, after1, after2);
    }

    static async Task CreateAsync(HttpClient client, Func<int, HttpRequestMessage> newSession, int first, int count)
    {
        var result = await Burst.SendAsync(client, count, i => newSession(first + i), concurrency: 8);
        if (result.Succeeded != count) throw new InvalidOperationException($"Creating sessions failed: {result}");
    }

    static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>The result of <see cref="SessionMemory.MeasureAsync"/>.</summary>
/// <param name="Sessions">N: sessions created between the two readings.</param>
/// <param name="HeapAfterFirstBytes">Managed heap after the first N sessions, in bytes.</param>
/// <param name="HeapAfterSecondBytes">Managed heap after the next N sessions, in bytes.</param>
public sealed record SessionMemoryResult(int Sessions, long HeapAfterFirstBytes, long HeapAfterSecondBytes) : IHtmlContent
{
    /// <summary>Bytes of memory each session keeps alive on the server.</summary>
    public double BytesPerSession => (HeapAfterSecondBytes - HeapAfterFirstBytes) / (double)Sessions;

    /// <summary>What a million such sessions would take, in megabytes.</summary>
    public double MegabytesPerMillion => BytesPerSession * 1_000_000 / (1024 * 1024);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{BytesPerSession:0} bytes per session ({MegabytesPerMillion:0} MB per million sessions), from {Sessions} sessions");

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        new HtmlTable("Memory kept per session").Column("sessions added", "N, between the two heap readings")
            .Column("heap growth KB").Column("bytes per session").Column("MB per million sessions")
            .Row(Sessions, (HeapAfterSecondBytes - HeapAfterFirstBytes) / 1024.0, BytesPerSession, MegabytesPerMillion)
            .WriteTo(writer, encoder);
}
