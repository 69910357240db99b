using HdrHistogram;

namespace BackendLab.LoadEngine;

/// <summary>Adds the per-thread recorders of a run together into a <see cref="LoadResult"/>.</summary>
internal static class LoadResultBuilder
{
    public static LoadResult Build(string url, LoadOptions options, IReadOnlyList<LatencyRecorder> recorders, TimeSpan elapsed, TimeSpan window, TimeSpan cpu)
    {
        var all = LatencySummary.NewHistogram();
        var errors = new Dictionary<string, long>();
        long ok = 0, failed = 0, late = 0, answeredInWindow = 0, okInWindow = 0, failedInWindow = 0;
        foreach (var r in recorders)
        {
            all.Add(r.All);
            ok += r.Ok; failed += r.Failed; late += r.Late; answeredInWindow += r.AnsweredInWindow; okInWindow += r.OkInWindow; failedInWindow += r.FailedInWindow;
            foreach (var (kind, n) in r.Errors) errors[kind] = errors.GetValueOrDefault(kind) + n;
        }
        return new LoadResult
        {
            Url = url,
            Concurrency = options.EffectiveConcurrency,
            Rate = options.Rate,
            Elapsed = elapsed,
            Ok = ok,
            Count = ok + failed,
            Errors = failed,
            ErrorsByKind = errors,
            Late = late,
            RequestsPerSecond = okInWindow / window.TotalSeconds,
            ResponsesPerSecond = answeredInWindow / window.TotalSeconds,
            ErrorsPerSecond = failedInWindow / window.TotalSeconds,
            Window = window,
            Latencies = all,
            Timeline = Timeline(recorders),
            ClientCpuTime = cpu,
        };
    }

    static List<LoadSecond> Timeline(IReadOnlyList<LatencyRecorder> recorders)
    {
        var seconds = recorders.Count == 0 ? 0 : recorders.Max(r => r.PerSecond.Count);
        var timeline = new List<LoadSecond>(seconds);
        for (var s = 0; s < seconds; s++)
        {
            HistogramBase? h = null;
            long errors = 0, count = 0;
            foreach (var r in recorders)
            {
                if (s >= r.PerSecond.Count) continue;
                errors += r.ErrorsPerSecond[s];
                count += r.CountPerSecond[s];
                if (r.PerSecond[s] is { } part) { if (h is null) h = part.Copy(); else h.Add(part); }
            }
            timeline.Add(new LoadSecond { Second = s, Count = count, Errors = errors, Latencies = h ?? LatencySummary.NewCoarseHistogram() });
        }
        return timeline;
    }
}
