namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>The exercises of lesson 4, <c>04-request-response.ipynb</c>: <c>await Lesson04.Q1.Check(…)</c>, <c>Lesson04.Q1.Hint()</c>, <c>Lesson04.Q1.Solution()</c>.</summary>
public static class Lesson04
{
    /// <summary>Exercise 1: timing middleware that adds <c>Server-Timing: total;dur=…</c> to every response. Check: <c>await Lesson04.Q1.Check(Timing)</c>.</summary>
    public static readonly TimingHeaderExercise Q1 = new("04-request-response/q1", "Middleware that times every request and says so in a header",
    [
        "Middleware is a function of the request's `context` and `next` (the rest of the pipeline). Take a timestamp with `Stopwatch.GetTimestamp()`, then `await next(context)`.",
        "Setting a header after `await next(context)` fails when the handler has already begun sending the body: headers leave first. `context.Response.OnStarting(() => { …; return Task.CompletedTask; })` runs just before they leave.",
        "Inside `OnStarting`: `context.Response.Headers[\"Server-Timing\"] = $\"total;dur={Stopwatch.GetElapsedTime(start).TotalMilliseconds.ToString(\"0.0\", CultureInfo.InvariantCulture)}\";`",
    ]);

    /// <summary>Exercise 2: answer 304 Not Modified when the client's <c>If-None-Match</c> names the current ETag. Check: <c>await Lesson04.Q2.Check(Catalog)</c>.</summary>
    public static readonly ETagExercise Q2 = new("04-request-response/q2", "ETag and 304 Not Modified for GET /catalog",
    [
        "Compute the tag from the content, so a new version gets a new tag: `var etag = ETags.For(body);`. Send it on every answer: `response.Headers.ETag = etag;`.",
        "`ETags.IfNoneMatch(request, etag)` is true when the client already holds this version. Then answer `Results.StatusCode(304)`, with no body.",
        "Otherwise `return Results.Text(body, \"application/json\");`.",
    ]);

    /// <summary>Exercise 3 (stretch): idempotency keys that survive retries and simultaneous duplicates. Check: <c>await Lesson04.Q3.Check(MapOrders)</c>.</summary>
    public static readonly IdempotencyExercise Q3 = new("04-request-response/q3", "Idempotency keys that hold under retries and duplicates",
    [
        "Keep a map from key to the order it created, declared in `MapOrders` before the endpoints. A request whose key is already there answers that order instead of creating one.",
        "\"Is the key new? Then create\" must be one step, or two simultaneous requests both see it as new. `ConcurrentDictionary.GetOrAdd(key, _ => new Lazy<PlacedOrder>(() => Create(item)))` creates at most once, even when two threads race (`Lazy` runs its function once).",
        "`var order = keys.GetOrAdd(key, _ => new Lazy<PlacedOrder>(() => { var o = new PlacedOrder(Interlocked.Increment(ref next), item); orders[o.Id] = o; return o; })).Value;` then `return Results.Created($\"/orders/{order.Id}\", order);`.",
    ]);
}
