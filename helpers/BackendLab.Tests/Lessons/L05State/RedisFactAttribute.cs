using BackendFundamentals.TestSupport;

namespace BackendLab.Tests.Lessons.L05State;

/// <summary>
/// A fact that needs a Redis server on 127.0.0.1:6379. Outside CI, without one it is reported as SKIPPED with
/// the command that starts one, never silently passed; in CI (where <c>.ci/run</c> starts redis-server) it always
/// runs, so a missing Redis fails the run (see <see cref="Prerequisite"/>).
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = Prerequisite.Redis.SkipReason;
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
