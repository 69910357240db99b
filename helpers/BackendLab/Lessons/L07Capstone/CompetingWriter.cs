using System.Globalization;
using System.Net.Http;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Another writer on the same database file, in ANOTHER PROCESS (the lab server, <see cref="LabProcess"/>), as a second
/// service or an admin script would be: its own connection, none of the notebook's locks. It books one seat at a time
/// with a conditional UPDATE, every <see cref="Every"/>, until it has the seats it was asked for or the event is sold out.
/// A <c>lock</c> or <c>SemaphoreSlim</c> in the notebook's process cannot reach it.
/// </summary>
internal sealed class CompetingWriter
{
    const string ProcessName = "capstone: the other writer";
    static LabProcess? _process;
    static readonly SemaphoreSlim StartGate = new(1, 1);

    readonly HttpResponseMessage _response;
    readonly StreamReader _lines;

    CompetingWriter(HttpResponseMessage response, StreamReader lines, int processId) =>
        (_response, _lines, ProcessId) = (response, lines, processId);

    /// <summary>The other writer's process id (not the notebook's).</summary>
    public int ProcessId { get; }

    /// <summary>The pace: one seat every 2 ms.</summary>
    public static TimeSpan Every { get; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Starts the other writer on <paramref name="db"/>'s event <paramref name="eventId"/> and returns once its connection is
    /// open and it has booked its first seat. The lab server process is started once and reused by later checks.
    /// </summary>
    public static async Task<CompetingWriter> StartAsync(TicketDb db, long eventId, int max)
    {
        var process = await ProcessAsync();
        var url = $"{LabServerProtocol.CompetingWriterPath}?db={Uri.EscapeDataString(db.Path)}&eventId={eventId}&max={max}" +
                  $"&everyMs={Every.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}&forMs=10000";
        var response = await process.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url), HttpCompletionOption.ResponseHeadersRead);
        var lines = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await lines.ReadLineAsync();
        if (!response.IsSuccessStatusCode || first != LabServerProtocol.CompetingWriterReady)
        {
            response.Dispose();
            throw new InvalidOperationException($"The other writer (lab server, process {process.ProcessId}) did not start: {(int)response.StatusCode} {first}");
        }
        return new CompetingWriter(response, lines, process.ProcessId);
    }

    /// <summary>Waits until it has finished (its last statement included) and returns how many seats it booked.</summary>
    public async Task<int> FinishAsync()
    {
        using (_response)
        {
            var last = await _lines.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
            return last is not null && last.StartsWith(LabServerProtocol.CompetingWriterBooked, StringComparison.Ordinal)
                ? int.Parse(last[LabServerProtocol.CompetingWriterBooked.Length..], CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"The other writer (process {ProcessId}) ended without saying how many seats it booked: {last}");
        }
    }

    // The lab server process, started on first use and kept for the next checks (a restart costs a few hundred ms).
    static async Task<LabProcess> ProcessAsync()
    {
        await StartGate.WaitAsync();
        try
        {
            if (_process is not { IsRunning: true, HasExited: false }) _process = await LabProcess.StartAsync(ProcessName);
            return _process;
        }
        finally { StartGate.Release(); }
    }
}
