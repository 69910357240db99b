namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// A pretend order database for lesson 6: every lookup takes <see cref="QueryTime"/> (50 ms), like a round trip to a
/// real database. <see cref="Find"/> waits the way an old synchronous driver does, holding its thread;
/// <see cref="FindAsync"/> waits the way an async driver does, giving the thread back until the answer comes.
/// </summary>
public static class OrderStore
{
    /// <summary>How long one lookup takes: 50 ms.</summary>
    public static readonly TimeSpan QueryTime = TimeSpan.FromMilliseconds(50);

    /// <summary>Looks an order up, blocking the calling thread for 50 ms (<c>Thread.Sleep</c>).</summary>
    public static StoredOrder Find(int id)
    {
        Thread.Sleep(QueryTime);
        return Make(id);
    }

    /// <summary>Looks an order up, waiting 50 ms without holding a thread (<c>await Task.Delay</c>).</summary>
    public static async Task<StoredOrder> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await Task.Delay(QueryTime, cancellationToken);
        return Make(id);
    }

    static StoredOrder Make(int id) => new(id, $"customer {id % 97}", 10 + id % 50);
}

/// <summary>An order from <see cref="OrderStore"/>.</summary>
/// <param name="Id">The order's id.</param>
/// <param name="Customer">Who placed it.</param>
/// <param name="Total">Its total, in euros.</param>
public sealed record StoredOrder(int Id, string Customer, decimal Total);
