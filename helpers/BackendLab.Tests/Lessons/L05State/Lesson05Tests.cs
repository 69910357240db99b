using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L05State;

/// <summary>Lesson 5's checks: the solution passes, plausible mistakes fail with a useful message, the starter is "not attempted".</summary>
[Collection("servers")]
public class Lesson05Tests
{
    // ---- Q1: a stateless cart ----

    static void SolutionCart(WebApplication app, ISharedStore store)
    {
        app.MapPost("/cart/{user}/items", async (string user, string item) => { await store.AppendAsync($"cart:{user}", item); return Results.Ok(); });
        app.MapGet("/cart/{user}", (string user) => store.ListAsync($"cart:{user}"));
    }

    [Fact]
    public async Task Q1TheSolutionIsCorrect()
    {
        var result = await Lesson05.Q1.Check(SolutionCart);
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task Q1TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson05.Q1.Check((_, _) => throw new NotImplementedException())).Outcome);

    [Fact]
    public async Task Q1CartsInAnInstancesMemoryAreIncorrect()
    {
        var result = await Lesson05.Q1.Check((app, _) =>
        {
            var carts = new ConcurrentDictionary<string, List<string>>();
            app.MapPost("/cart/{user}/items", (string user, string item) => { var c = carts.GetOrAdd(user, _ => []); lock (c) c.Add(item); return Results.Ok(); });
            app.MapGet("/cart/{user}", (string user) => carts.TryGetValue(user, out var c) ? c.ToArray() : []);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("instance's memory", result.Message);
    }

    [Fact]
    public async Task Q1ADictionarySharedByThisProcessIsCaught()
    {
        var carts = new ConcurrentDictionary<string, List<string>>();   // outside MapCart: both instances see it here
        var result = await Lesson05.Q1.Check((app, _) =>
        {
            app.MapPost("/cart/{user}/items", (string user, string item) => { var c = carts.GetOrAdd(user, _ => []); lock (c) c.Add(item); return Results.Ok(); });
            app.MapGet("/cart/{user}", (string user) => carts.TryGetValue(user, out var c) ? c.ToArray() : []);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("never wrote to `store`", result.Message);
    }

    [Fact]
    public async Task Q1OneListForEveryoneIsIncorrect()
    {
        var result = await Lesson05.Q1.Check((app, store) =>
        {
            app.MapPost("/cart/{user}/items", async (string user, string item) => { await store.AppendAsync("cart", item); return Results.Ok(); });
            app.MapGet("/cart/{user}", (string user) => store.ListAsync("cart"));
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
    }

    // ---- Q2: the lost update ----

    static void SolutionScore(WebApplication app, ISharedStore store)
    {
        app.MapPost("/score/{user}", (string user, int points) => store.IncrementAsync($"score:{user}", points));
        app.MapGet("/score/{user}", async (string user) => long.Parse(await store.GetAsync($"score:{user}") ?? "0"));
    }

    [Fact]
    public async Task Q2TheSolutionIsCorrect()
    {
        var result = await Lesson05.Q2.Check(SolutionScore);
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task Q2OptimisticConcurrencyWithRetriesIsCorrectToo()
    {
        var result = await Lesson05.Q2.Check((app, store) =>
        {
            app.MapPost("/score/{user}", async (string user, int points) =>
            {
                while (true)
                {
                    var current = await store.GetVersionedAsync($"score:{user}");
                    var next = long.Parse(current?.Value ?? "0") + points;
                    if (await store.TrySetAsync($"score:{user}", next.ToString(), current?.Version ?? 0)) return next;
                }
            });
            app.MapGet("/score/{user}", async (string user) => long.Parse(await store.GetAsync($"score:{user}") ?? "0"));
        });
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task Q2TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson05.Q2.Check((_, _) => throw new NotImplementedException())).Outcome);

    [Fact]
    public async Task Q2ReadModifyWriteLosesUpdatesAndSaysHowMany()
    {
        var result = await Lesson05.Q2.Check((app, store) =>
        {
            app.MapPost("/score/{user}", async (string user, int points) =>
            {
                var total = long.Parse(await store.GetAsync($"score:{user}") ?? "0") + points;
                await store.SetAsync($"score:{user}", total.ToString());
                return total;
            });
            app.MapGet("/score/{user}", async (string user) => long.Parse(await store.GetAsync($"score:{user}") ?? "0"));
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("updates were lost", result.Message);
        Assert.Contains("IncrementAsync", result.Message);
    }

    static void LockedReadAddWrite(WebApplication app, ISharedStore store, SemaphoreSlim gate)
    {
        app.MapPost("/score/{user}", async (string user, int points) =>
        {
            await gate.WaitAsync();
            try
            {
                var total = long.Parse(await store.GetAsync($"score:{user}") ?? "0") + points;
                await store.SetAsync($"score:{user}", total.ToString());
                return total;
            }
            finally { gate.Release(); }
        });
        app.MapGet("/score/{user}", async (string user) => long.Parse(await store.GetAsync($"score:{user}") ?? "0"));
    }

    [Fact]
    public async Task Q2ASemaphoreSharedByThisProcessIsCaughtAndNamed()
    {
        var gate = new SemaphoreSlim(1);   // outside MapScore: both instances share it only because they run in one process
        var result = await Lesson05.Q2.Check((app, store) => LockedReadAddWrite(app, store, gate));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("SemaphoreSlim", result.Message);
        Assert.Contains("one process", result.Message);
    }

    [Fact]
    public async Task Q2ASemaphorePerInstanceStillLosesUpdates()
    {
        var result = await Lesson05.Q2.Check((app, store) => LockedReadAddWrite(app, store, new SemaphoreSlim(1)));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("updates were lost", result.Message);
    }
}
