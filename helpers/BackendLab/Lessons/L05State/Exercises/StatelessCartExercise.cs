using System.Net.Http;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L05State;

/// <summary>
/// Lesson 5's first exercise: cart endpoints <c>POST /cart/{user}/items?item=…</c> and <c>GET /cart/{user}</c> (a JSON
/// array of item names, oldest first) that keep the carts in the given <see cref="ISharedStore"/>, not in an instance.
/// The check runs them as two instances behind a round-robin proxy and stops one instance half-way.
/// In a notebook: <c>await Lesson05.Q1.Check(MapCart)</c>.
/// </summary>
public sealed class StatelessCartExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>Runs <paramref name="map"/> on a two-instance cluster over a fresh SQLite store and checks the carts. Never throws.</summary>
    public Task<CheckResult> Check(Action<WebApplication, ISharedStore> map) => GuardAsync(async () =>
    {
        if (map is null) return NotAttempted();
        var path = Path.Combine(SharedStore.DefaultFolder, "check-05-q1.db");
        await using var inner = await SharedStore.SqliteAsync("check-05-q1", path: path);
        var store = inner.WithLatency(0);
        Cluster cluster;
        try { cluster = await Cluster.StartAsync($"check {Id}", 2, app => map(app, store)); }
        catch (Exception e) when (!LearnerCode.IsStarter(e))
        {
            return Result(CheckOutcome.Incorrect, $"Setting up your endpoints threw `{LearnerCode.Describe(e)}`.");
        }
        var steps = new List<string>();
        CheckResult Wrong(string message) =>
            Result(CheckOutcome.Incorrect, message, steps.Count == 0 ? null : "What happened:\n" + string.Join('\n', steps));
        await using var _ = cluster;
        var client = cluster.Client;
        async Task<string?> Add(string user, string item)
        {
            using var response = await client.PostAsync($"/cart/{user}/items?item={item}", null);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == System.Net.HttpStatusCode.InternalServerError && body.Contains(nameof(NotImplementedException))) throw new NotImplementedException();
            var instance = response.Headers.TryGetValues(Cluster.InstanceHeader, out var v) ? v.First() : "?";
            steps.Add($"POST /cart/{user}/items?item={item} → {(int)response.StatusCode} from instance {instance}");
            return response.IsSuccessStatusCode ? null : $"`POST /cart/{user}/items?item={item}` answered {(int)response.StatusCode} (instance {instance}).";
        }
        async Task<(string[]? Items, string Instance, string Raw)> Get(string user)
        {
            using var response = await client.GetAsync($"/cart/{user}");
            var raw = await response.Content.ReadAsStringAsync();
            var instance = response.Headers.TryGetValues(Cluster.InstanceHeader, out var v) ? v.First() : "?";
            try { return (response.IsSuccessStatusCode ? JsonSerializer.Deserialize<string[]>(raw) : null, instance, raw); }
            catch (JsonException) { return (null, instance, raw); }
        }

        foreach (var (user, item) in new[] { ("alice", "tea"), ("alice", "milk"), ("bob", "jam"), ("alice", "bread") })
            if (await Add(user, item) is { } failure) return Wrong(failure);
        await cluster.StopInstanceAsync("A");
        steps.Add("— instance A stopped (its memory is gone) —");
        foreach (var (user, item) in new[] { ("alice", "eggs"), ("alice", "flour") })
            if (await Add(user, item) is { } failure) return Wrong(failure);

        string[] expected = ["tea", "milk", "bread", "eggs", "flour"];
        var (alice, from, raw) = await Get("alice");
        steps.Add($"GET /cart/alice → {raw} from instance {from}");
        if (alice is null) return Wrong($"`GET /cart/alice` answered {Shown.Value(raw)}; expected a JSON array of item names like `[\"tea\",\"milk\"]`.");
        if (!alice.SequenceEqual(expected))
            return Wrong($"Alice added {Shown.Value(expected)} (two of them after instance A stopped) but her cart came back as {Shown.Value(alice)}." +
                (alice.Length < expected.Length ? " Part of her cart lived in an instance's memory. Keep every item in `store` (`AppendAsync` / `ListAsync`)." : " Keep one list per user, in the order added."));
        if (store.Writes == 0)
            return Wrong($"Alice's cart came back as {Shown.Value(alice)}, but your endpoints never wrote to `store`. A variable outside `MapCart` is shared here only because both instances run in this one process; real instances are separate processes (or machines). Keep the carts in `store`.");
        var (bob, _, bobRaw) = await Get("bob");
        steps.Add($"GET /cart/bob → {bobRaw}");
        if (bob is null || !bob.SequenceEqual(["jam"])) return Wrong($"Bob's cart came back as {Shown.Value(bobRaw)}; expected [\"jam\"]. Is each user's cart under its own key (e.g. `$\"cart:{{user}}\"`)?");
        return Result(CheckOutcome.Correct, "Both carts are whole after losing an instance: the state lives in the store, not in the instances.", string.Join('\n', steps));
    });
}
