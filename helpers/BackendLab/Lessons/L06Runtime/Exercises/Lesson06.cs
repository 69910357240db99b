namespace BackendLab.Lessons.L06Runtime;

/// <summary>The auto-checked exercises of lesson 6, "C# and .NET in the backend" (notebooks/06-dotnet-runtime-and-concurrency.ipynb).</summary>
public static class Lesson06
{
    /// <summary>Fix a starving endpoint: GET /orders/{id} must scale with the number of users, like the async endpoint did.</summary>
    public static readonly SweepExercise Q1 = new("06-dotnet-runtime-and-concurrency/q1",
        "Fix the starving endpoint: GET /orders/{id} must keep up with 16 and 64 users",
        [
            "Which call holds a thread for the whole 50 ms? `OrderStore` has another way to look an order up.",
            "Make the handler `async` and `await OrderStore.FindAsync(id)`. Wrapping the blocking call in `Task.Run` only moves the blocking to another pool thread.",
        ])
    {
        Path = "/orders/7",
        BodyContains = "\"id\":7",
    };

    /// <summary>Choose a concurrency limit and a queue size that keep p99 under 100 ms at 300 req/s offered, while serving at least 150 req/s.</summary>
    public static readonly LimiterExercise Q2 = new("06-dotnet-runtime-and-concurrency/q2",
        "Choose PermitLimit and QueueLimit: p99 under 150 ms at 300 req/s offered, at least 150 req/s served",
        [
            "The store runs 4 queries at once, 20 ms each. Permits beyond 4 do not make it faster: those requests just wait inside the store instead of in the limiter's queue.",
            "A request that finds k requests ahead of it waits about k ÷ 4 × 20 ms before its own 20 ms query. How many may be ahead of it for the wait to stay well under the 150 ms target, with room for a noisy machine?",
            "Around 4 permits and a queue of 4 to 8 works. A queue of 0 turns away requests that would only have waited a few milliseconds.",
        ]);
}
