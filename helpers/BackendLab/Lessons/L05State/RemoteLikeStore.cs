namespace BackendLab.Lessons.L05State;

/// <summary>
/// Wraps a store so every call first waits <see cref="Latency"/>, as a database on another machine would (a network
/// round trip), and counts calls. On one fast machine a race between requests is a matter of microseconds and shows up
/// rarely; a realistic round trip makes it show up the way it does in production (Lesson 5).
/// </summary>
public sealed class RemoteLikeStore(ISharedStore inner, TimeSpan latency) : ISharedStore
{
    long _reads, _writes;
    Func<Task>? _beforeNextCall;

    /// <summary>The store underneath.</summary>
    public ISharedStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The wait added before each call.</summary>
    public TimeSpan Latency { get; } = latency;

    /// <summary>Calls that only read (Get, GetVersioned, List).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Calls that write (Set, Increment, TrySet, Append).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <inheritdoc/>
    public string Description => $"{Inner.Description}, {Latency.TotalMilliseconds:0.#} ms away";

    /// <summary>
    /// Runs <paramref name="wait"/> before the next call reaches the store (one call only; null cancels it). Lesson 5's
    /// check uses it to hold one request between its store calls and see whether a request on another instance waits for it.
    /// </summary>
    internal void BeforeNextCall(Func<Task>? wait) => Volatile.Write(ref _beforeNextCall, wait);

    async Task Read() { Interlocked.Increment(ref _reads); await Travel(); }
    async Task Write() { Interlocked.Increment(ref _writes); await Travel(); }

    async Task Travel()
    {
        if (Interlocked.Exchange(ref _beforeNextCall, null) is { } wait) await wait();
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
    }

    /// <inheritdoc/>
    public async Task<string?> GetAsync(string key) { await Read(); return await Inner.GetAsync(key); }
    /// <inheritdoc/>
    public async Task SetAsync(string key, string value) { await Write(); await Inner.SetAsync(key, value); }
    /// <inheritdoc/>
    public async Task<long> IncrementAsync(string key, long by = 1) { await Write(); return await Inner.IncrementAsync(key, by); }
    /// <inheritdoc/>
    public async Task<Versioned?> GetVersionedAsync(string key) { await Read(); return await Inner.GetVersionedAsync(key); }
    /// <inheritdoc/>
    public async Task<bool> TrySetAsync(string key, string value, long expectedVersion) { await Write(); return await Inner.TrySetAsync(key, value, expectedVersion); }
    /// <inheritdoc/>
    public async Task AppendAsync(string key, string item) { await Write(); await Inner.AppendAsync(key, item); }
    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListAsync(string key) { await Read(); return await Inner.ListAsync(key); }
    /// <inheritdoc/>
    public Task ClearAsync() => Inner.ClearAsync();
    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Inner.DisposeAsync();
    /// <inheritdoc/>
    public override string ToString() => Description;
}
