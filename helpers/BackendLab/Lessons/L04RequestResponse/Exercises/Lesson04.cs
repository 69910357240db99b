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

    /// <summary>Lesson 4's concept questions (<see cref="Question"/>): Q1–Q3 end Part 1 (the request phase), Q4–Q6 end Part 2 (the response phase).</summary>
    public static class Concepts
    {
        /// <summary>Which stage refuses a path that fails a route constraint? (a letter)</summary>
        public static readonly ChoiceQuestion Q1 = new("04-request-response/concepts-q1",
            "The only endpoint is `app.MapGet(\"/orders/{id:int}\", …)`. A client sends `GET /orders/abc`. What comes back, and which stage decides?",
            ["400 Bad Request, from binding: `abc` is not an `int`", "404 Not Found, from routing: the constraint `{id:int}` does not match, so no endpoint does",
             "405 Method Not Allowed, from routing", "500 Internal Server Error: the handler throws on `abc`"],
            answer: 'b',
            explanation: "A route constraint is part of matching: `{id:int}` only matches digits, so routing finds no endpoint for `/orders/abc` and the answer is 404 " +
                         "(the limits table showed it). Binding never runs, so it cannot answer 400; a parameter without a constraint (`/items/{id}` bound to `int id`) would match and then fail binding with 400.",
            hints: ["Look at the two 404 rows in the limits table.", "Does an endpoint match at all when its route constraint fails?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "Binding runs only after routing chose an endpoint; here the constraint stops the match first. Without the `:int` constraint it would be this 400.",
                ['c'] = "405 means the path matched an endpoint but not with this method; here no endpoint's path matches `/orders/abc`.",
                ['d'] = "The handler never runs: no endpoint matched.",
            },
        };

        /// <summary>Setting a header after the response has started. (a letter)</summary>
        public static readonly ChoiceQuestion Q2 = new("04-request-response/concepts-q2",
            "A middleware sets `context.Response.Headers[\"X-Took\"]` after `await next(context)`, and the handler has already written a JSON body (`context.Response.HasStarted` is true). What happens?",
            ["The header is sent after the body", "Setting it throws `InvalidOperationException`: the headers are read-only once the response has started",
             "Kestrel holds the body back until the middleware returns, so the header is sent"],
            answer: 'b',
            explanation: "HTTP sends the status line and headers before the body. Once the handler starts writing the body, Kestrel has sent (or committed) the headers " +
                         "and makes them read-only: setting one throws `InvalidOperationException` (\"Headers are read-only, response has already started\"). " +
                         "`context.Response.OnStarting(…)` runs just before the headers leave: that is where a late header goes (Exercise 1).",
            hints: ["In what order do the status line, the headers and the body travel?", "Exercise 1's note: \"headers leave before the body\"."])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "In HTTP/1.1 the headers come before the body; nothing can follow the body as a header (trailers are a separate, rarely used feature).",
                ['c'] = "Kestrel writes the body as the handler produces it; it does not wait for the middleware to return.",
            },
        };

        /// <summary>TCP handshakes for requests on one kept-alive connection. (a number)</summary>
        public static readonly NumberQuestion Q3 = new("04-request-response/concepts-q3",
            "A client sends 10 requests, one after another, over one kept-alive HTTP/1.1 connection. How many TCP handshakes (connects) do the 10 requests cost in all?",
            answer: 1,
            explanation: "Only the first request opens the connection; the other nine reuse it. That is why the kept-alive request in the journey had no *TCP connect* stage.",
            hints: ["Which stage was missing from the 4th request's journey?"]);

        /// <summary>Which 4xx is worth retrying unchanged. (a letter)</summary>
        public static readonly ChoiceQuestion Q4 = new("04-request-response/concepts-q4",
            "A client got one of these answers. Which one is worth sending again unchanged, after waiting?",
            ["400 Bad Request", "404 Not Found", "415 Unsupported Media Type", "429 Too Many Requests, with `Retry-After: 2`"],
            answer: 'd',
            explanation: "429 (RFC 6585) says the request was fine but came too often; `Retry-After` says how long to wait. " +
                         "400, 404 and 415 describe the request itself: sent again unchanged, it gets the same answer.",
            hints: ["Which of these says \"later\" rather than \"not like this\"?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "A malformed request stays malformed: fix it first.",
                ['b'] = "The same path will not be found the next time either (unless something creates it meanwhile).",
                ['c'] = "The server does not take this body's type; sending it again unchanged changes nothing.",
            },
        };

        /// <summary>What a 304 saves. (a letter)</summary>
        public static readonly ChoiceQuestion Q5 = new("04-request-response/concepts-q5",
            "The `/report` handler computes its `ETag` by hashing the report, and answers `304 Not Modified` when `If-None-Match` names it. What does the 304 save?",
            ["the handler's work: it does not run", "the body's bytes on the wire, and the client's reading of them", "the TCP connection"],
            answer: 'b',
            explanation: "The handler still ran (it had to hash the report to know the tag), and the request still used a connection. What a 304 leaves out is the body: " +
                         "the byte counts showed the difference. Keeping a version number next to the data would save the hashing too.",
            hints: ["Where was the tag computed, and when?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "Here the handler had to run to compute the tag it compares; only a tag kept next to the data (a version) avoids that work.",
                ['c'] = "The conditional request travels on a connection like any other.",
            },
        };

        /// <summary>Idempotent methods per RFC 9110. (a letter)</summary>
        public static readonly ChoiceQuestion Q6 = new("04-request-response/concepts-q6",
            "Which methods does RFC 9110 define as idempotent (doing them twice leaves the same state as once)?",
            ["`GET`, `PUT` and `DELETE` (and the other safe methods, such as `HEAD`)", "`GET` and `POST`", "only `GET`", "`POST`, `PUT` and `PATCH`"],
            answer: 'a',
            explanation: "RFC 9110 section 9.2.2: PUT, DELETE and the safe methods are idempotent. POST is not (two POSTs made two orders), and neither is PATCH (RFC 5789), " +
                         "which is why the lesson made a POST safe to retry with an `Idempotency-Key`.",
            hints: ["What did two `POST /orders` leave behind in the lesson?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['b'] = "Two `POST /orders` created two orders in this lesson: POST is not idempotent.",
                ['c'] = "`PUT` (write this whole value) and `DELETE` are idempotent too: doing them twice leaves the same state.",
                ['d'] = "POST and PATCH are not idempotent; that is why retrying them needs an idempotency key.",
            },
        };
    }
}
