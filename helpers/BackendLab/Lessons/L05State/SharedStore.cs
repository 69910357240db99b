using System.Net.Sockets;

namespace BackendLab.Lessons.L05State;

/// <summary>A value and its version: the version goes up by one on every write (Lesson 5, optimistic concurrency).</summary>
/// <param name="Value">The stored text.</param>
/// <param name="Version">1 after the first write, 2 after the second…</param>
public sealed record Versioned(string Value, long Version);

/// <summary>
/// State kept outside the service's instances, so any instance can serve any request (Lesson 5).
/// Two implementations behind this one interface: <see cref="SharedStore.SqliteAsync"/> (a database file) and
/// <see cref="SharedStore.RedisAsync"/> (an in-memory data server on 127.0.0.1:6379).
/// </summary>
public interface ISharedStore : IAsyncDisposable
{
    /// <summary>What it is and where, e.g. "SQLite /tmp/backendlab/carts.db".</summary>
    string Description { get; }

    /// <summary>The value under <paramref name="key"/>, or null when there is none.</summary>
    Task<string?> GetAsync(string key);

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/>, whatever was there (and bumps its version).</summary>
    Task SetAsync(string key, string value);

    /// <summary>Adds <paramref name="by"/> to the number under <paramref name="key"/> (0 when missing) in one atomic step, and returns the new value.</summary>
    Task<long> IncrementAsync(string key, long by = 1);

    /// <summary>The value under <paramref name="key"/> with its version, or null when there is none.</summary>
    Task<Versioned?> GetVersionedAsync(string key);

    /// <summary>
    /// Compare-and-set: writes <paramref name="value"/> only if the key's version is still <paramref name="expectedVersion"/>
    /// (0 meaning "the key must not exist yet"). Returns false, writing nothing, if someone else wrote first.
    /// </summary>
    Task<bool> TrySetAsync(string key, string value, long expectedVersion);

    /// <summary>Appends <paramref name="item"/> to the list under <paramref name="key"/> (one atomic step).</summary>
    Task AppendAsync(string key, string item);

    /// <summary>The list under <paramref name="key"/>, oldest first (empty when there is none).</summary>
    Task<IReadOnlyList<string>> ListAsync(string key);

    /// <summary>Deletes everything this store holds.</summary>
    Task ClearAsync();
}

/// <summary>Opens shared stores (Lesson 5).</summary>
public static class SharedStore
{
    /// <summary>The folder where <see cref="SqliteAsync"/> puts its files by default: <c>&lt;temp&gt;/backendlab</c>.</summary>
    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "backendlab");

    /// <summary>
    /// A store in a SQLite database file: <c>&lt;temp&gt;/backendlab/&lt;name&gt;.db</c> unless <paramref name="path"/> says otherwise.
    /// </summary>
    /// <param name="name">The file's name without extension, e.g. "carts".</param>
    /// <param name="fresh">Start empty (default true): deletes what an earlier run left in the file.</param>
    /// <param name="path">A full path for the database file. Default: null (use <paramref name="name"/> in <see cref="DefaultFolder"/>).</param>
    public static Task<ISharedStore> SqliteAsync(string name, bool fresh = true, string? path = null) =>
        SqliteStore.OpenAsync(path ?? Path.Combine(DefaultFolder, name + ".db"), fresh);

    /// <summary>
    /// A store in Redis. Keys are prefixed with <c>backendlab:&lt;name&gt;:</c> so several stores share one server.
    /// Throws with instructions when no Redis answers; check <see cref="RedisIsReachableAsync"/> first.
    /// </summary>
    /// <param name="name">A prefix for this store's keys, e.g. "carts".</param>
    /// <param name="fresh">Start empty (default true).</param>
    /// <param name="endpoint">Where Redis listens. Default: 127.0.0.1:6379 (only loopback addresses are accepted).</param>
    public static Task<ISharedStore> RedisAsync(string name, bool fresh = true, string endpoint = RedisStore.DefaultEndpoint) =>
        RedisStore.OpenAsync(name, fresh, endpoint);

    /// <summary>
    /// The same store, reached as if across a network: every call waits <paramref name="latencyMs"/> first
    /// (see <see cref="RemoteLikeStore"/>). Default: 1 ms.
    /// </summary>
    public static RemoteLikeStore WithLatency(this ISharedStore store, double latencyMs = 1) =>
        new(store, TimeSpan.FromMilliseconds(latencyMs));

    /// <summary>
    /// The command that starts a local Redis for this course (it binds to loopback only and saves nothing to disk).
    /// </summary>
    public const string RedisStartCommand = "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ''";

    /// <summary>True when something accepts TCP connections on 127.0.0.1:6379 and answers a Redis PING within <paramref name="timeoutMs"/>.</summary>
    public static async Task<bool> RedisIsReachableAsync(int timeoutMs = 500)
    {
        try
        {
            using var cts = new CancellationTokenSource(timeoutMs);
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", 6379, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cts.Token);
            var buffer = new byte[16];
            var n = await stream.ReadAsync(buffer, cts.Token);
            return n >= 5 && System.Text.Encoding.ASCII.GetString(buffer, 0, n).StartsWith("+PONG");
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException) { return false; }
    }
}
