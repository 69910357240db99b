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
    public Task<CheckResult> Check(Action<WebApplication> map) => RunAsync(map, async run =>
        {
            var server = await run.StartServerAsync(app => { app.UseLostResponses(1); map(app); });
            HttpRequestMessage Post(string key, string item)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/orders?item={item}");
                request.Headers.Add("Idempotency-Key", key);
                return request;
            }
            async Task<int?> Count()
            {
                var text = (await run.SendAsync(server.Client, new HttpRequestMessage(HttpMethod.Get, "/orders/count"), "`GET /orders/count`", server)).Body;
                return int.TryParse(text.Trim().Trim('"'), out var n) ? n : null;
            }

            // 1. The first response is lost; the client retries with the same key.
            var before = server.Log.Total;
            try { (await server.Client.SendAsync(Post("key-1", "tea"))).Dispose(); } catch (HttpRequestException) { }
            var error = server.Log.Total > before ? server.Log.Last?.Error : null;
            if (LearnerCode.IsStarter(error)) return run.NotAttempted();
            if (error is not null) return run.Wrong($"`POST /orders?item=tea` made your handler throw `{error}`.");
            run.Step("POST /orders?item=tea (Idempotency-Key: key-1) → the response was lost on the way back");
            var retry = await run.SendAsync(server.Client, Post("key-1", "tea"), "The retry with the same `Idempotency-Key`", server);
            if (retry.Status is < 200 or > 299) return run.Wrong($"The retry with the same `Idempotency-Key` answered {retry.Status}; it should succeed (2xx), answering like the first attempt.");
            run.Step($"retry, same key → {retry.Status}");
            var count = await Count();
            if (count is null) return run.Wrong("`GET /orders/count` did not answer a number.");
            if (count == 2) return run.Wrong("After one order and its retry there are 2 orders: the retry created a duplicate. Remember each key with the order it created, and answer a repeated key from there.");
            if (count != 1) return run.Wrong($"After one order and its retry, `GET /orders/count` says {count}; expected 1.");
            run.Step("GET /orders/count → 1");

            // 2. Twenty copies at the same moment (a client that retries too eagerly, or a double click).
            var burst = await Burst.SendAsync(server.Client, 20, _ => Post("key-2", "milk"));
            if (burst.Succeeded != 20) return run.Wrong($"20 simultaneous POSTs with one key got {burst}; all should succeed.");
            count = await Count();
            if (count != 2) return run.Wrong($"20 simultaneous POSTs with the same key left {count - 1} orders instead of 1: two requests both saw the key as new before either stored it. Make \"look up the key, or create the order\" a single step, e.g. `ConcurrentDictionary.GetOrAdd` with a `Lazy<…>`, or a `lock`.");
            run.Step("20 × POST (Idempotency-Key: key-2) at once → 1 new order");

            // 3. A new key is a new order.
            await run.SendAsync(server.Client, Post("key-3", "bread"), "`POST /orders?item=bread`", server);
            count = await Count();
            if (count != 3) return run.Wrong($"A POST with a new key should create an order; the count went to {count}, expected 3.");
            run.Step("POST (Idempotency-Key: key-3) → a new order, count 3");
            return run.Correct("Retries and duplicates with one key create exactly one order.");
        });
}
