using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L05State;

/// <summary>What lesson 5's checks run the learner's endpoints on: two instances behind a proxy, over one fresh SQLite store.</summary>
internal static class StoreCluster
{
    /// <summary>
    /// Starts a fresh SQLite store named <paramref name="storeName"/>, <paramref name="latencyMs"/> away, and a two-instance
    /// <see cref="Cluster"/> running <paramref name="map"/> over it; both stop when the check ends.
    /// </summary>
    public static async Task<(Cluster Cluster, RemoteLikeStore Store)> StartAsync(
        CheckRun run, string exerciseId, string storeName, double latencyMs, Action<WebApplication, ISharedStore> map)
    {
        var inner = await run.StartAsync(() => SharedStore.SqliteAsync(storeName, path: Path.Combine(SharedStore.DefaultFolder, storeName + ".db")));
        var store = inner.WithLatency(latencyMs);
        var cluster = await run.StartAsync(() => Cluster.StartAsync($"check {exerciseId}", 2, app => map(app, store)));
        return (cluster, store);
    }
}
