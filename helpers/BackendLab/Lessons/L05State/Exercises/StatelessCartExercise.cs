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
    public Task<CheckResult> Check(Action<WebApplication, ISharedStore> map) => RunAsync(map, async run =>
        {
            var (cluster, store) = await StoreCluster.StartAsync(run, Id, "check-05-q1", latencyMs: 0, map);
            async Task<(CheckReply Reply, string Instance)> Send(HttpMethod method, string path)
            {
                var reply = await run.SendAsync(cluster.Client, new HttpRequestMessage(method, path), $"`{method} {path}`");
                return (reply, reply.Headers.GetValueOrDefault(Cluster.InstanceHeader) ?? "?");
            }
            async Task<string?> Add(string user, string item)
            {
                var (reply, instance) = await Send(HttpMethod.Post, $"/cart/{user}/items?item={item}");
                run.Step($"POST /cart/{user}/items?item={item} → {reply.Status} from instance {instance}");
                return reply.Status is >= 200 and < 300 ? null : $"`POST /cart/{user}/items?item={item}` answered {reply.Status} (instance {instance}).";
            }
            static string[]? Items(CheckReply reply)
            {
                try { return reply.Status is >= 200 and < 300 ? JsonSerializer.Deserialize<string[]>(reply.Body) : null; }
                catch (JsonException) { return null; }
            }

            foreach (var (user, item) in new[] { ("alice", "tea"), ("alice", "milk"), ("bob", "jam"), ("alice", "bread") })
                if (await Add(user, item) is { } failure) return run.Wrong(failure);
            await cluster.StopInstanceAsync("A");
            run.Step("— instance A stopped (its memory is gone) —");
            foreach (var (user, item) in new[] { ("alice", "eggs"), ("alice", "flour") })
                if (await Add(user, item) is { } failure) return run.Wrong(failure);

            string[] expected = ["tea", "milk", "bread", "eggs", "flour"];
            var (aliceReply, from) = await Send(HttpMethod.Get, "/cart/alice");
            run.Step($"GET /cart/alice → {aliceReply.Body} from instance {from}");
            if (Items(aliceReply) is not { } alice) return run.Wrong($"`GET /cart/alice` answered {Shown.Value(aliceReply.Body)}; expected a JSON array of item names like `[\"tea\",\"milk\"]`.");
            if (!alice.SequenceEqual(expected))
                return run.Wrong($"Alice added {Shown.Value(expected)} (two of them after instance A stopped) but her cart came back as {Shown.Value(alice)}." +
                    (alice.Length < expected.Length ? " Part of her cart lived in an instance's memory. Keep every item in `store` (`AppendAsync` / `ListAsync`)." : " Keep one list per user, in the order added."));
            if (store.Writes == 0)
                return run.Wrong($"Alice's cart came back as {Shown.Value(alice)}, but your endpoints never wrote to `store`. A variable outside `MapCart` is shared here only because both instances run in this one process; real instances are separate processes (or machines). Keep the carts in `store`.");
            var (bobReply, _) = await Send(HttpMethod.Get, "/cart/bob");
            run.Step($"GET /cart/bob → {bobReply.Body}");
            if (Items(bobReply) is not ["jam"]) return run.Wrong($"Bob's cart came back as {Shown.Value(bobReply.Body)}; expected [\"jam\"]. Is each user's cart under its own key (e.g. `$\"cart:{{user}}\"`)?");
            return run.Correct("Both carts are whole after losing an instance: the state lives in the store, not in the instances.");
        });
}
