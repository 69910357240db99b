using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// A load run seen from inside the lab server: requests finished per second and thread-pool threads, in steps of
/// 0.2 s, as the server's own sampler thread recorded them. Shows as a chart and one summary line.
/// <code>var t = await ServerTimeline.RecordAsync(lab, () => Load.RunAsync(lab.Url + "/block?ms=100", new LoadOptions { Concurrency = 128, Warmup = TimeSpan.Zero }));
/// t.RequestsPerSecondBetween(0, 1)   // throughput in the first second</code>
/// </summary>
public sealed class ServerTimeline : IHtmlContent
{
    /// <summary>Width of one step of <see cref="Steps"/>: 0.2 s.</summary>
    public static readonly TimeSpan StepLength = TimeSpan.FromSeconds(0.2);

    ServerTimeline(string title, LoadResult load, IReadOnlyList<RuntimeSample> samples)
    {
        (Title, Load, Samples) = (title, load, samples);
        Steps = BuildSteps(samples);
    }

    /// <summary>What the chart's title says.</summary>
    public string Title { get; }

    /// <summary>What the load generator measured.</summary>
    public LoadResult Load { get; }

    /// <summary>The server's samples (about every 100 ms) from the start of the load run to its end.</summary>
    public IReadOnlyList<RuntimeSample> Samples { get; }

    /// <summary>The timeline in steps of <see cref="StepLength"/>, from the start of the run.</summary>
    public IReadOnlyList<TimelineStep> Steps { get; }

    /// <summary>Runs <paramref name="load"/> and records the lab server's samples while it runs.</summary>
    /// <param name="lab">The lab server being loaded.</param>
    /// <param name="load">The load run, e.g. <c>() => Load.RunAsync(...)</c>; use <c>Warmup = TimeSpan.Zero</c> to see the very start.</param>
    /// <param name="title">The chart's title. Default: the run's URL path.</param>
    public static async Task<ServerTimeline> RecordAsync(LabProcess lab, Func<Task<LoadResult>> load, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(load);
        var start = await lab.GetServerTimeAsync();
        var result = await load();
        var samples = (await lab.GetSamplesAsync(start)).Select(s => s with { Ms = s.Ms - start }).ToList();
        return new ServerTimeline(title ?? new Uri(result.Url).PathAndQuery, result, samples);
    }

    /// <summary>Requests the server finished per second between <paramref name="fromSecond"/> and <paramref name="toSecond"/> of the run.</summary>
    public double RequestsPerSecondBetween(double fromSecond, double toSecond)
    {
        var a = At(fromSecond); var b = At(toSecond);
        return b.Ms > a.Ms ? (b.RequestsFinished - a.RequestsFinished) / ((b.Ms - a.Ms) / 1000) : 0;
    }

    /// <summary>Thread-pool threads at <paramref name="second"/> of the run (the last sample taken by then).</summary>
    public int ThreadsAt(double second) => At(second).ThreadPoolThreads;

    /// <summary>The most thread-pool threads seen up to <paramref name="second"/> of the run.</summary>
    public int MaxThreadsUntil(double second) => Until(second).Select(s => s.ThreadPoolThreads).DefaultIfEmpty(0).Max();

    /// <summary>The most work items that waited in the pool's queue at one sample, up to <paramref name="second"/> of the run.</summary>
    public long MaxPendingWorkItemsUntil(double second) => Until(second).Select(s => s.PendingWorkItems).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The longest stretch, up to <paramref name="second"/> of the run, between two samples at which the server's
    /// finished-request count went up (or the start and that second): how long, at worst, the server went without
    /// finishing a request. Samples come every 100 ms.
    /// </summary>
    public TimeSpan LongestStretchWithoutAFinishedRequestUntil(double second)
    {
        var samples = Until(second).ToList();
        if (samples.Count == 0) return TimeSpan.Zero;
        double longest = 0, lastProgress = samples[0].Ms;
        for (var i = 1; i < samples.Count; i++)
        {
            if (samples[i].RequestsFinished <= samples[i - 1].RequestsFinished) continue;
            longest = Math.Max(longest, samples[i].Ms - lastProgress);
            lastProgress = samples[i].Ms;
        }
        return TimeSpan.FromMilliseconds(Math.Max(longest, samples[^1].Ms - lastProgress));
    }

    IEnumerable<RuntimeSample> Until(double second) => Samples.Where(s => s.Ms <= second * 1000 + 1);

    /// <summary>The most thread-pool threads seen during the run.</summary>
    public int MaxThreads => Samples.Count == 0 ? 0 : Samples.Max(s => s.ThreadPoolThreads);

    RuntimeSample At(double second)
    {
        if (Samples.Count == 0) return new RuntimeSample(0, 0, 0, 0, 0, 0);
        var last = Samples[0];
        foreach (var s in Samples) { if (s.Ms > second * 1000) break; last = s; }
        return last;
    }

    static List<TimelineStep> BuildSteps(IReadOnlyList<RuntimeSample> samples)
    {
        var steps = new List<TimelineStep>();
        if (samples.Count < 2) return steps;
        var step = StepLength.TotalMilliseconds;
        var previous = samples[0];
        for (var t = step; t <= samples[^1].Ms + 1; t += step)
        {
            var current = samples.LastOrDefault(s => s.Ms <= t) ?? previous;
            if (current.Ms <= previous.Ms) continue;
            var rate = (current.RequestsFinished - previous.RequestsFinished) / ((current.Ms - previous.Ms) / 1000);
            steps.Add(new TimelineStep(Math.Round(current.Ms / 1000, 2), rate, current.ThreadPoolThreads, current.PendingWorkItems));
            previous = current;
        }
        return steps;
    }

    /// <summary>Requests per second (left axis) and thread-pool threads and queued work items (right axis) against time.</summary>
    public Chart ToChart()
    {
        var x = Steps.Select(s => s.Second).ToList();
        return Chart.Line($"Inside the server: {Title}")
            .Add("requests finished / s", x, Steps.Select(s => s.RequestsPerSecond))
            .Add("thread-pool threads", x, Steps.Select(s => (double)s.ThreadPoolThreads), secondAxis: true)
            .Add("queued work items", x, Steps.Select(s => (double)s.PendingWorkItems), secondAxis: true)
            .XAxis("seconds since the load started")
            .YAxis("requests finished per second")
            .Y2Axis("threads / queued items");
    }

    /// <summary>One line: the path, the threads at start and end, and the throughput in the first and last second.</summary>
    public override string ToString()
    {
        var end = Samples.Count == 0 ? 0 : Samples[^1].Ms / 1000;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Title}: {RequestsPerSecondBetween(0, 1):N0} req/s in the first second, {RequestsPerSecondBetween(Math.Max(0, end - 1), end):N0} req/s in the last; " +
            $"pool threads {ThreadsAt(0)} → {MaxThreads} (max); {Environment.ProcessorCount} cores");
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ToChart().WriteTo(writer, encoder);
        writer.Write($"<div style=\"{Html.Font}\">{Html.Encode(ToString())}</div>");
    }
}

/// <summary>One step of a <see cref="ServerTimeline"/>.</summary>
/// <param name="Second">End of the step, in seconds since the load started.</param>
/// <param name="RequestsPerSecond">Requests the server finished per second during the step.</param>
/// <param name="ThreadPoolThreads">Threads in the pool at the end of the step.</param>
/// <param name="PendingWorkItems">Work items waiting for a pool thread at the end of the step.</param>
public sealed record TimelineStep(double Second, double RequestsPerSecond, int ThreadPoolThreads, long PendingWorkItems);
