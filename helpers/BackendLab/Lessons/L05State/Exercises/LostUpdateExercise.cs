using System.Net.Http;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L05State;

/// <summary>
/// Lesson 5's second exercise: <c>POST /score/{user}?points=N</c> adds N to a user's score (answering the new total)
/// and <c>GET /score/{user}</c> answers the total, kept in the given <see cref="ISharedStore"/>. The check runs two
/// instances over a store 1 ms away (like a database on the network) and sends 100 increments at once: none may be lost.
/// It also holds a request on instance A between its store calls and sends one to instance B: B must not wait for A, since
/// a lock both instances share (a <c>SemaphoreSlim</c> declared outside the map) exists only because they run in one process.
/// In a notebook: <c>await Lesson05.Q2.Check(MapScore)</c>.
/// </summary>
public sealed class LostUpdateExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>How many increments are sent at once. Default: 100.</summary>
    public int Increments { get; init; } = 100;

    /// <summary>Runs <paramref name="map"/> on a two-instance cluster and counts what arrives. Never throws.</summary>
    public Task<CheckResult> Check(Action<WebApplication, ISharedStore> map) => RunAsync(map, async run =>
        {
            var (cluster, store) = await StoreCluster.StartAsync(run, Id, "check-05-q2", latencyMs: 1, map);
            var client = cluster.Client;

            var one = await run.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/score/bob?points=5"), "`POST /score/bob?points=5`");
            if (one.Status is < 200 or > 299) return run.Wrong($"`POST /score/bob?points=5` answered {one.Status} {Shown.Value(one.Body)}.");
            var bob = (await run.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/score/bob"), "`GET /score/bob`")).Body.Trim().Trim('"');
            run.Step($"POST /score/bob?points=5, then GET /score/bob → {bob}");
            if (bob != "5") return run.Wrong($"After `POST /score/bob?points=5` on a new user, `GET /score/bob` answered {Shown.Value(bob)}; expected 5.");
            if (store.Writes == 0) return run.Wrong("Your endpoints never wrote to `store`; keep the scores there so both instances share them.");

            var burst = await Burst.SendAsync(client, Increments, HttpMethod.Post, "/score/ann?points=1", concurrency: 20);
            run.Step($"{Increments} × POST /score/ann?points=1, 20 at a time: {burst}");
            var annText = (await run.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/score/ann"), "`GET /score/ann`")).Body.Trim().Trim('"');
            run.Step($"GET /score/ann → {annText}");
            if (!long.TryParse(annText, out var ann)) return run.Wrong($"`GET /score/ann` answered {Shown.Value(annText)}; expected a number.");
            var failed = Increments - burst.Succeeded;
            if (ann + failed < Increments)
                return run.Wrong($"{burst.Succeeded} increments answered 2xx but Ann's score is {ann}: {burst.Succeeded - ann} updates were lost. Two requests read the same old score, both added one, and the second write erased the first. Let the store add in one step (`IncrementAsync`), or write only if nobody wrote since you read (`TrySetAsync` with the version you read, retrying when it returns false).");
            if (ann > Increments) return run.Wrong($"Ann's score is {ann} after {Increments} increments of 1: some were counted twice.");
            if (failed > 0) return run.Wrong($"{failed} of {Increments} increments failed ({burst}); a client should not have to retry. If you use optimistic concurrency, retry inside the handler when `TrySetAsync` returns false.");

            var probe = await SharedLockProbe.RunAsync(cluster, store, () => new HttpRequestMessage(HttpMethod.Post, "/score/cy?points=1"), TimeSpan.FromSeconds(2));
            run.Step(probe.HeldOnA
                ? $"POST /score/cy?points=1 on instance A, held at its first store call; the same on instance B meanwhile: {(probe.BWaitedForA ? "B waited for A" : "B went ahead")}"
                : "POST /score/cy?points=1 on instance A never reached the store");
            if (probe.BWaitedForA)
                return run.Wrong("While a request on instance A was held at the store, the same request on instance B waited for it: both instances share one lock, " +
                    "such as a `SemaphoreSlim` (or `lock`) declared outside `MapScore`. That works here only because both instances run in this one process; " +
                    "real instances are separate processes or machines, each with its own `SemaphoreSlim`, so the lost update comes back. " +
                    "Let the store add in one step (`IncrementAsync`), or write only if nobody wrote since you read (`TrySetAsync`), and drop the lock.");
            if (!probe.BothAnswered) return run.Wrong("`POST /score/cy?points=1`, sent to instance A and to instance B, got no answer from both within 2 s.");
            var cy = (await run.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/score/cy"), "`GET /score/cy`")).Body.Trim().Trim('"');
            run.Step($"GET /score/cy → {cy}");
            if (cy != "2") return run.Wrong($"Cy got one point on instance A and one on instance B, but `GET /score/cy` answered {Shown.Value(cy)}; expected 2.");
            return run.Correct($"All {Increments} simultaneous increments counted, across two instances, and neither instance waited for the other: the store keeps the update whole, as it would between separate processes.");
        });
}
