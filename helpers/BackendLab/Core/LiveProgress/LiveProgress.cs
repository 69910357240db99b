using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// A progress bar for long work (a load run or a sweep over 2 s), updated in place while it runs. Inside the .NET Interactive
/// kernel (VS Code, the course runner) it is shown with the kernel's own <c>display(…)</c> and updated with
/// <c>Update(…)</c>, reached through reflection (BackendLab references no kernel package); the saved notebook and the course's
/// site keep its final state. Outside a kernel the reports go to the <see cref="IProgress{T}"/> you give, or nowhere.
/// <c>Load.RunAsync</c> and <c>Load.SweepAsync</c> use it by themselves; <c>BACKENDLAB_LIVEPROGRESS=off</c> hides the bar
/// (it is not the same thing as <c>BACKENDLAB_PROGRESS</c>, your saved exercise results).
/// <code>
/// using (var live = LiveProgress.Start("Warming the cache"))
///     for (var i = 1; i &lt;= 10; i++) { await WarmAsync(i); live.Report(i / 10.0, $"{i} of 10 pages"); }
/// </code>
/// </summary>
public sealed class LiveProgress : IHtmlContent, IDisposable
{
    /// <summary>Work planned to take at least this long shows a bar; shorter work shows none. 2 seconds.</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(2);

    /// <summary>The shortest gap between two updates of the bar (the last one is always sent). 250 ms.</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(250);

    static readonly AsyncLocal<LiveProgress?> Running = new();

    KernelDisplay? _display;
    (int Index, int Count, string Label)? _segment;
    readonly IProgress<LiveProgressReport>? _listener;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly LiveProgress? _outer;
    readonly Lock _gate = new();
    long _lastUpdate = long.MinValue;

    LiveProgress(string title, IProgress<LiveProgressReport>? listener, LiveProgress? outer)
    {
        (Title, _listener, _outer) = (title, listener, outer);
        Last = new LiveProgressReport(title, 0, "starting…", TimeSpan.Zero, false);
    }

    /// <summary>What is running.</summary>
    public string Title { get; }

    /// <summary>The latest report (the final one after <see cref="Complete"/>).</summary>
    public LiveProgressReport Last { get; private set; }

    /// <summary>True when the bar is shown in a kernel's cell output (false outside a kernel, or when switched off).</summary>
    public bool IsShown => _display is not null;

    /// <summary>How many times the shown bar was updated in place.</summary>
    public int Updates { get; private set; }

    /// <summary>True when BackendLab runs inside a .NET Interactive kernel's cell right now.</summary>
    public static bool InKernel => KernelDisplay.InKernel();

    /// <summary>False when <c>BACKENDLAB_LIVEPROGRESS=off</c> (then no bar is shown; an <see cref="IProgress{T}"/> still gets reports).</summary>
    public static bool IsOn => !string.Equals(Environment.GetEnvironmentVariable("BACKENDLAB_LIVEPROGRESS"), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Starts reporting on long work titled <paramref name="title"/>: in a kernel, a bar appears in the cell's output now.
    /// Inside another <see cref="LiveProgress"/> of the same flow (a run inside a sweep), reports go to that one's bar instead.
    /// </summary>
    /// <param name="title">What is running, e.g. "Sweep: 4 runs of 2 s".</param>
    /// <param name="progress">Also receives every report (in or outside a kernel). Default: none.</param>
    public static LiveProgress Start(string title, IProgress<LiveProgressReport>? progress = null)
    {
        var outer = Running.Value;
        var live = new LiveProgress(title, progress, outer);
        if (outer is null && IsOn) live._display = KernelDisplay.TryShow(new LiveProgressView(live.Last));
        Running.Value = live;
        return live;
    }

    /// <summary>
    /// Like <see cref="Start"/>, but only for work planned to take <see cref="MinimumDuration"/> or more (else it returns
    /// a bar that shows nothing, still reporting to <paramref name="progress"/> and to an outer bar).
    /// </summary>
    public static LiveProgress StartIfLong(string title, TimeSpan planned, IProgress<LiveProgressReport>? progress = null) =>
        planned >= MinimumDuration || Running.Value is not null ? Start(title, progress) : new LiveProgress(title, progress, null);

    /// <summary>True when someone sees the reports: a shown bar, an outer bar, or an <see cref="IProgress{T}"/>.</summary>
    internal bool IsWatched => _display is not null || _outer is not null || _listener is not null;

    /// <summary>
    /// Marks part <paramref name="index"/> (0-based) of <paramref name="count"/> equal parts, e.g. one run of a sweep: reports
    /// from work started inside it fill that part of the bar, with <paramref name="label"/> before their status.
    /// </summary>
    internal void Segment(int index, int count, string label)
    {
        lock (_gate) _segment = (index, Math.Max(count, 1), label);
    }

    /// <summary>Reports that <paramref name="fraction"/> (0 to 1) is done, with a short status; updates the bar at most every 250 ms.</summary>
    public void Report(double fraction, string status) => Publish(new LiveProgressReport(Title, Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1), status, _clock.Elapsed, false));

    /// <summary>Ends the work with a one-line summary, e.g. "48,211 requests in 5.0 s": the bar's final state.</summary>
    public void Complete(string summary) => Publish(new LiveProgressReport(Title, 1, summary, _clock.Elapsed, true));

    void Publish(LiveProgressReport report)
    {
        lock (_gate)
        {
            if (Last.IsComplete) return;
            Last = report;
            _listener?.Report(report);
            if (_outer is not null) { _outer.FromInner(report.Fraction, report.Status); return; }
            if (_display is null) return;
            var now = Stopwatch.GetTimestamp();
            if (!report.IsComplete && _lastUpdate != long.MinValue && Stopwatch.GetElapsedTime(_lastUpdate, now) < UpdateInterval) return;
            _lastUpdate = now;
            if (_display.Update(new LiveProgressView(report))) Updates++;
        }
    }

    void FromInner(double fraction, string status)
    {
        var segment = _segment;
        if (segment is { } s) Report((s.Index + fraction) / s.Count, $"{s.Label}: {status}");
        else Report(fraction, status);
    }

    /// <summary>Stops being the flow's current bar; a bar never completed says "stopped" in its final state.</summary>
    public void Dispose()
    {
        if (!Last.IsComplete && _outer is null) Publish(Last with { Status = "stopped: " + Last.Status, IsComplete = true, Elapsed = _clock.Elapsed });
        if (Running.Value == this) Running.Value = _outer;
    }

    /// <summary>"Title: 42 % · status".</summary>
    public override string ToString() => new LiveProgressView(Last).ToString();

    /// <summary>Writes the bar in its current state.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => new LiveProgressView(Last).WriteTo(writer, encoder);
}

/// <summary>One state of the bar, as HTML (a fresh object per update, so the kernel formats each state anew).</summary>
internal sealed class LiveProgressView(LiveProgressReport report) : IHtmlContent
{
    public override string ToString() =>
        $"{report.Title}: {(report.IsComplete ? "done" : (report.Fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %")} · {report.Status}";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var percent = (report.Fraction * 100).ToString("0", CultureInfo.InvariantCulture);
        var colour = report.IsComplete ? "#2e9d4f" : "#3b6fb6";
        writer.Write($"<div style=\"{Html.Font};margin:4px 0\" data-backendlab-live=\"{(report.IsComplete ? "done" : "running")}\" " +
                     $"role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"{percent}\" aria-label=\"{Html.Encode(ToString())}\">" +
                     $"<div><b>{Html.Encode(report.Title)}</b> <span style=\"opacity:.75\">{(report.IsComplete ? "done" : percent + " %")} · " +
                     $"{report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s</span></div>" +
                     $"<div style=\"height:6px;max-width:420px;background:rgba(128,128,128,.25);border-radius:3px;margin:3px 0\">" +
                     $"<div style=\"height:6px;width:{percent}%;background:{colour};border-radius:3px\"></div></div>" +
                     $"<div style=\"opacity:.85\">{Html.Encode(report.Status)}</div></div>");
    }
}
