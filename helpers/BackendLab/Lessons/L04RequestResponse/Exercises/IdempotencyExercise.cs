using System.Net.Http;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// Lesson 4's stretch exercise: <c>POST /orders?item=…</c> honours an <c>Idempotency-Key</c> header (a retry with the
/// same key creates nothing new and answers like the first time) and <c>GET /orders/count</c> answers how many orders
/// exist. The check loses the first response on the way back, retries, then sends 20 copies of one request at once.
/// In a notebook: <c>await Lesson04.Q3.Check(MapOrders)</c>.
/// </summary>
public sealed class IdempotencyExercise(string id, string title, IEnumerable<string>? hints = null) : Exercise(id, title, hints)
{
    /// <summary>Starts <paramref name="map"/> behind a connection that loses the first POST's response, and counts orders. Never throws.</summary>
    public Task<CheckResult> Check(Action<WebApplication> map) => GuardAsync(async () =>
    {
        if (map is null) return NotAttempted();
        RunningServer server;
        try
        {
            server = await Servers.StartAsync($"check {Id}", app => { app.UseLostResponses(1); map(app); },
                new ServerOptions { ClientTimeout = TimeSpan.FromSeconds(5), StopTimeout = TimeSpan.FromSeconds(1) });
        }
        catch (Exception e) when (!LearnerCode.IsStarter(e))
        {
            return Result(CheckOutcome.Incorrect, $"Setting up your endpoints threw `{LearnerCode.Describe(e)}`.");
        }
        var steps = new List<string>();
        CheckResult Wrong(string message) =>
            Result(CheckOutcome.Incorrect, message, steps.Count == 0 ? null : "What happened:\n" + string.Join('\n', steps));
        try
        {
            HttpRequestMessage Post(string key, string item)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/orders?item={item}");
                request.Headers.Add("Idempotency-Key", key);
                return request;
            }
            async Task<int?> Count()
            {
                var text = await server.Client.GetStringAsync("/orders/count");
                return int.TryParse(text.Trim().Trim('"'), out var n) ? n : null;
            }

            // 1. The first response is lost; the client retries with the same key.
            var before = server.Log.Total;
            try { (await server.Client.SendAsync(Post("key-1", "tea"))).Dispose(); } catch (HttpRequestException) { }
            var error = server.Log.Total > before ? server.Log.Last?.Error : null;
            if (LearnerCode.IsStarter(error)) return NotAttempted();
            if (error is not null) return Wrong($"`POST /orders?item=tea` made your handler throw `{error}`.");
            steps.Add("POST /orders?item=tea (Idempotency-Key: key-1) → the response was lost on the way back");
            using var retry = await server.Client.SendAsync(Post("key-1", "tea"));
            if (!retry.IsSuccessStatusCode) return Wrong($"The retry with the same `Idempotency-Key` answered {(int)retry.StatusCode}; it should succeed (2xx), answering like the first attempt.");
            steps.Add($"retry, same key → {(int)retry.StatusCode}");
            var count = await Count();
            if (count is null) return Wrong("`GET /orders/count` did not answer a number.");
            if (count == 2) return Wrong("After one order and its retry there are 2 orders: the retry created a duplicate. Remember each key with the order it created, and answer a repeated key from there.");
            if (count != 1) return Wrong($"After one order and its retry, `GET /orders/count` says {count}; expected 1.");
            steps.Add("GET /orders/count → 1");

            // 2. Twenty copies at the same moment (a client that retries too eagerly, or a double click).
            var burst = await Burst.SendAsync(server.Client, 20, _ => Post("key-2", "milk"));
            if (burst.Succeeded != 20) return Wrong($"20 simultaneous POSTs with one key got {burst}; all should succeed.");
            count = await Count();
            if (count != 2) return Wrong($"20 simultaneous POSTs with the same key left {count - 1} orders instead of 1: two requests both saw the key as new before either stored it. Make \"look up the key, or create the order\" a single step, e.g. `ConcurrentDictionary.GetOrAdd` with a `Lazy<…>`, or a `lock`.");
            steps.Add("20 × POST (Idempotency-Key: key-2) at once → 1 new order");

            // 3. A new key is a new order.
            using var third = await server.Client.SendAsync(Post("key-3", "bread"));
            count = await Count();
            if (count != 3) return Wrong($"A POST with a new key should create an order; the count went to {count}, expected 3.");
            steps.Add("POST (Idempotency-Key: key-3) → a new order, count 3");
            return Result(CheckOutcome.Correct, "Retries and duplicates with one key create exactly one order.", string.Join('\n', steps));
        }
        finally { await server.StopAsync(); }
    });
}
