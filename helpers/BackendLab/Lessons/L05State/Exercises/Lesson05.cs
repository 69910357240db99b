namespace BackendLab.Lessons.L05State;

/// <summary>The exercises of lesson 5, <c>05-state-management.ipynb</c>: <c>await Lesson05.Q1.Check(…)</c>, <c>Lesson05.Q1.Hint()</c>, <c>Lesson05.Q1.Solution()</c>.</summary>
public static class Lesson05
{
    /// <summary>Exercise 1: move the cart from an instance's memory to a shared store. Check: <c>await Lesson05.Q1.Check(MapCart)</c>.</summary>
    public static readonly StatelessCartExercise Q1 = new("05-state-management/q1", "Make the cart service stateless",
    [
        "Nothing about a cart may stay in the instance between requests: no dictionary, no list. Every handler reads from and writes to `store`.",
        "One list per user: the key can be `$\"cart:{user}\"`. `await store.AppendAsync(key, item)` adds an item; `await store.ListAsync(key)` reads the cart.",
        "`app.MapPost(\"/cart/{user}/items\", async (string user, string item) => { await store.AppendAsync($\"cart:{user}\", item); return Results.Ok(); });` and `app.MapGet(\"/cart/{user}\", (string user) => store.ListAsync($\"cart:{user}\"));`",
    ]);

    /// <summary>Exercise 2: fix a lost update. Check: <c>await Lesson05.Q2.Check(MapScore)</c>.</summary>
    public static readonly LostUpdateExercise Q2 = new("05-state-management/q2", "Fix the lost update in POST /score",
    [
        "Read, add, write is three steps; another request can write between your read and your write, and your write then erases its update. Make the change one step the store performs, or detect the conflict.",
        "`await store.IncrementAsync($\"score:{user}\", points)` adds atomically and returns the new total. (Or: `GetVersionedAsync`, then `TrySetAsync(key, newValue, version)`, and loop while it returns false.)",
        "`app.MapPost(\"/score/{user}\", (string user, int points) => store.IncrementAsync($\"score:{user}\", points));` and `app.MapGet(\"/score/{user}\", async (string user) => long.Parse(await store.GetAsync($\"score:{user}\") ?? \"0\"));`",
    ]);
}
