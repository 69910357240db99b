namespace BackendLab.Tests.Lessons.L05State;

/// <summary>
/// A fact that needs a Redis server on 127.0.0.1:6379. Without one it is reported as SKIPPED with the command that
/// starts one, never silently passed. (CI starts redis-server, so there these tests run.)
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    static readonly bool Reachable = SharedStore.RedisIsReachableAsync(1000).GetAwaiter().GetResult();

    public RedisFactAttribute()
    {
        if (!Reachable) Skip = $"Redis is not reachable on 127.0.0.1:6379; start one with: {SharedStore.RedisStartCommand}";
    }
}

/// <summary>A theory over both stores; the Redis rows are reported as skipped (with the reason) when Redis is absent.</summary>
public static class Stores
{
    public static Task<ISharedStore> OpenAsync(string kind, string name) => kind switch
    {
        "sqlite" => SharedStore.SqliteAsync(name, path: Path.Combine(Path.GetTempPath(), "backendlab-tests", $"{name}-{Guid.NewGuid():N}.db")),
        "redis" => SharedStore.RedisAsync($"tests-{name}-{Guid.NewGuid():N}"),
        _ => throw new ArgumentException(kind),
    };
}
