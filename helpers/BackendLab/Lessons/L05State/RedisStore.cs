using StackExchange.Redis;

namespace BackendLab.Lessons.L05State;

/// <summary>
/// <see cref="ISharedStore"/> in Redis. A key's value and version live in one hash (fields <c>v</c> and <c>ver</c>);
/// increments and compare-and-set run as small Lua scripts, which Redis executes atomically.
/// </summary>
internal sealed class RedisStore : ISharedStore
{
    public const string DefaultEndpoint = "127.0.0.1:6379";

    const string Increment = """
        local n = redis.call('HINCRBY', KEYS[1], 'v', ARGV[1])
        redis.call('HINCRBY', KEYS[1], 'ver', 1)
        return n
        """;

    const string CompareAndSet = """
        local current = tonumber(redis.call('HGET', KEYS[1], 'ver') or '0')
        if current ~= tonumber(ARGV[2]) then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[1], 'ver', current + 1)
        return 1
        """;

    readonly ConnectionMultiplexer _redis;
    readonly IDatabase _db;
    readonly string _prefix;

    RedisStore(ConnectionMultiplexer redis, string name, string endpoint)
    {
        (_redis, _db, _prefix) = (redis, redis.GetDatabase(), $"backendlab:{name}:");
        Description = $"Redis {endpoint} (keys {_prefix}*)";
    }

    public string Description { get; }

    public static async Task<ISharedStore> OpenAsync(string name, bool fresh, string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Loopback.Require("redis://" + endpoint);
        ConnectionMultiplexer redis;
        try
        {
            redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
            {
                EndPoints = { endpoint },
                AbortOnConnectFail = true,
                ConnectTimeout = 1000,
                SyncTimeout = 5000,
                AsyncTimeout = 5000,
                ClientName = "backendlab",
            });
        }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException(
                $"No Redis server answered on {endpoint}. Start one with: {SharedStore.RedisStartCommand}", e);
        }
        var store = new RedisStore(redis, name, endpoint);
        if (fresh) await store.ClearAsync();
        return store;
    }

    RedisKey Kv(string key) => _prefix + "kv:" + key;
    RedisKey List(string key) => _prefix + "list:" + key;

    public async Task<string?> GetAsync(string key) => await _db.HashGetAsync(Kv(key), "v");

    public Task SetAsync(string key, string value)
    {
        var transaction = _db.CreateTransaction();
        _ = transaction.HashSetAsync(Kv(key), "v", value);
        _ = transaction.HashIncrementAsync(Kv(key), "ver");
        return transaction.ExecuteAsync();
    }

    public async Task<long> IncrementAsync(string key, long by = 1) =>
        (long)await _db.ScriptEvaluateAsync(Increment, [Kv(key)], [by]);

    public async Task<Versioned?> GetVersionedAsync(string key)
    {
        var values = await _db.HashGetAsync(Kv(key), ["v", "ver"]);
        return values[0].IsNull ? null : new Versioned(values[0]!, (long)values[1]);
    }

    public async Task<bool> TrySetAsync(string key, string value, long expectedVersion) =>
        (long)await _db.ScriptEvaluateAsync(CompareAndSet, [Kv(key)], [value, expectedVersion]) == 1;

    public Task AppendAsync(string key, string item) => _db.ListRightPushAsync(List(key), item);

    public async Task<IReadOnlyList<string>> ListAsync(string key) =>
        (await _db.ListRangeAsync(List(key))).Select(v => (string)v!).ToList();

    public async Task ClearAsync()
    {
        foreach (var endpoint in _redis.GetEndPoints())
        {
            var keys = _redis.GetServer(endpoint).KeysAsync(pattern: _prefix + "*");
            await foreach (var key in keys) await _db.KeyDeleteAsync(key);
        }
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    public override string ToString() => Description;
}
