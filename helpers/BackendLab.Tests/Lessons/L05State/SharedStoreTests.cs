using Xunit.Abstractions;

namespace BackendLab.Tests.Lessons.L05State;

public abstract class SharedStoreContract(string kind)
{
    Task<ISharedStore> OpenAsync(string name) => Stores.OpenAsync(kind, name);

    protected async Task ValuesAndVersions()
    {
        await using var store = await OpenAsync("values");
        Assert.Null(await store.GetAsync("a"));
        Assert.Null(await store.GetVersionedAsync("a"));
        await store.SetAsync("a", "one");
        Assert.Equal(new Versioned("one", 1), await store.GetVersionedAsync("a"));
        await store.SetAsync("a", "two");
        Assert.Equal(new Versioned("two", 2), await store.GetVersionedAsync("a"));
        Assert.Equal("two", await store.GetAsync("a"));
    }

    protected async Task CompareAndSetRefusesAStaleVersion()
    {
        await using var store = await OpenAsync("cas");
        Assert.True(await store.TrySetAsync("k", "first", expectedVersion: 0));
        Assert.False(await store.TrySetAsync("k", "again", expectedVersion: 0));
        Assert.True(await store.TrySetAsync("k", "second", expectedVersion: 1));
        Assert.False(await store.TrySetAsync("k", "stale", expectedVersion: 1));
        Assert.Equal(new Versioned("second", 2), await store.GetVersionedAsync("k"));
    }

    protected async Task ConcurrentIncrementsLoseNothing()
    {
        await using var store = await OpenAsync("incr");
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => store.IncrementAsync("n"))));
        Assert.Equal("200", await store.GetAsync("n"));
        Assert.Equal(205, await store.IncrementAsync("n", 5));
    }

    protected async Task ConcurrentReadModifyWriteLosesUpdates()
    {
        await using var store = await OpenAsync("rmw");
        await store.SetAsync("n", "0");
        // The classic race: read, compute, write. Two writers that read the same value both write value+1.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            var n = long.Parse((await store.GetAsync("n"))!);
            await Task.Delay(1);
            await store.SetAsync("n", (n + 1).ToString());
        })));
        Assert.True(long.Parse((await store.GetAsync("n"))!) < 100);
    }

    protected async Task ListsKeepOrderAndClearEmptiesTheStore()
    {
        await using var store = await OpenAsync("lists");
        foreach (var item in new[] { "tea", "milk", "bread" }) await store.AppendAsync("cart:alice", item);
        Assert.Equal(["tea", "milk", "bread"], await store.ListAsync("cart:alice"));
        Assert.Empty(await store.ListAsync("cart:bob"));
        await store.SetAsync("x", "1");
        await store.ClearAsync();
        Assert.Empty(await store.ListAsync("cart:alice"));
        Assert.Null(await store.GetAsync("x"));
    }
}

public class SqliteStoreTests() : SharedStoreContract("sqlite")
{
    [Fact] public Task ValuesHaveVersions() => ValuesAndVersions();
    [Fact] public Task CompareAndSet() => CompareAndSetRefusesAStaleVersion();
    [Fact] public Task AtomicIncrement() => ConcurrentIncrementsLoseNothing();
    [Fact] public Task ReadModifyWriteRace() => ConcurrentReadModifyWriteLosesUpdates();
    [Fact] public Task Lists() => ListsKeepOrderAndClearEmptiesTheStore();

    [Fact]
    public async Task TheStoreIsARealFileThatOutlivesTheConnection()
    {
        var path = Path.Combine(Path.GetTempPath(), "backendlab-tests", $"file-{Guid.NewGuid():N}.db");
        await using (var store = await SharedStore.SqliteAsync("x", path: path)) await store.SetAsync("kept", "yes");
        Assert.True(File.Exists(path));
        await using var again = await SharedStore.SqliteAsync("x", fresh: false, path: path);
        Assert.Equal("yes", await again.GetAsync("kept"));
        Assert.Contains(path, again.Description);
    }
}

public class RedisStoreTests() : SharedStoreContract("redis")
{
    [RedisFact] public Task ValuesHaveVersions() => ValuesAndVersions();
    [RedisFact] public Task CompareAndSet() => CompareAndSetRefusesAStaleVersion();
    [RedisFact] public Task AtomicIncrement() => ConcurrentIncrementsLoseNothing();
    [RedisFact] public Task ReadModifyWriteRace() => ConcurrentReadModifyWriteLosesUpdates();
    [RedisFact] public Task Lists() => ListsKeepOrderAndClearEmptiesTheStore();

    [Fact]
    public async Task WithoutRedisTheErrorSaysHowToStartOne()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SharedStore.RedisAsync("x", endpoint: "127.0.0.1:1"));
        Assert.Contains("redis-server --daemonize yes --bind 127.0.0.1", error.Message);
    }

    [Fact]
    public async Task OnlyLoopbackRedisIsAccepted() =>
        await Assert.ThrowsAsync<ArgumentException>(() => SharedStore.RedisAsync("x", endpoint: "10.0.0.1:6379"));
}
