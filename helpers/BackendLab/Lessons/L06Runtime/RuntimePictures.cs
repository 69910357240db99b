namespace BackendLab.Lessons.L06Runtime;

/// <summary>Lesson 6's pictures drawn from a run's numbers (see also <see cref="ColdStart.Journey"/>).</summary>
public static class RuntimePictures
{
    /// <summary>
    /// Where the requests of an open-loop run against <c>/limited</c> went: offered → concurrency limiter → the store
    /// (answered 200) or a quick 503, with this run's counts (anything else, such as timeouts, in a box of its own).
    /// </summary>
    /// <param name="limited">The run against <c>/limited</c>.</param>
    /// <param name="permits">The limiter's permits.</param>
    /// <param name="queue">The limiter's queue.</param>
    /// <param name="connections">The store's connections.</param>
    public static Picture Limiter(LoadResult limited, int permits, int queue, int connections)
    {
        ArgumentNullException.ThrowIfNull(limited);
        var rejected = limited.ErrorsByKind.GetValueOrDefault("HTTP 503");
        var other = limited.Count - limited.Ok - rejected;
        var offered = limited.Rate is { } rate ? $"{rate:0} req/s offered" : $"{limited.Concurrency} users";
        var limiter = $"limiter: {permits} permits + {queue} queued";
        var store = $"store: {connections} connections";
        List<TopologyNode> nodes = [new(offered, 0, limited.Count), new(limiter, 1, limited.Count), new(store, 2, limited.Ok), new("503 at once", 2, rejected)];
        List<(string, string)> links = [(offered, limiter), (limiter, store), (limiter, "503 at once")];
        if (other > 0) { nodes.Add(new("other errors", 2, other)); links.Add((limiter, "other errors")); }
        return TopologyDiagram.Draw($"Where {limited.Count:N0} requests went: a concurrency limiter in front of a store", [.. nodes], [.. links]);
    }
}
