namespace BackendLab.Lessons.L01BackendBasics;

/// <summary>The exercises of lesson 1, <c>01-backend-basics.ipynb</c>: <c>await Lesson01.Q1.Check(…)</c>, <c>Lesson01.Q1.Hint()</c>, <c>Lesson01.Q1.Solution()</c>.</summary>
public static class Lesson01
{
    /// <summary>
    /// Exercise 1: a <c>POST /signup</c> handler that enforces the sign-up rules (name not blank, age 13 to 130)
    /// with the right status codes, and lets the server, not the client, decide the new member's role.
    /// Check it with <c>await Lesson01.Q1.Check(app => app.MapPost("/signup", SignUp))</c>.
    /// </summary>
    public static readonly EndpointExercise Q1 = new("01-backend-basics/q1", "Enforce the sign-up rules in POST /signup",
    [
        "Test the rules one at a time with `if`, and `return Results.BadRequest(\"…\")` as soon as one is broken. Only when every rule holds, return `Results.Created(…)`.",
        "`string.IsNullOrWhiteSpace(form.Name)` is true for an empty name and for one made only of spaces; `form.Age is < 13 or > 130` is true for an age outside the limits (13 and 130 are allowed).",
        "The last line can be `return Results.Created($\"/members/{form.Name}\", new { name = form.Name, role = \"member\" });`. Never copy `form.Role` into the answer: the client does not decide its own role.",
    ])
    {
        Requests =
        {
            Probe.Post("/signup", """{"name":"Ada","age":36}""").Status(201).Json("name", "Ada").Json("role", "member"),
            Probe.Post("/signup", """{"name":"Eve","age":30,"role":"admin"}""").Status(201).Json("role", "member"),
            Probe.Post("/signup", """{"name":"Kid","age":12}""").Status(400),
            Probe.Post("/signup", """{"name":"Tim","age":13}""").Status(201).Json("name", "Tim"),
            Probe.Post("/signup", """{"name":"","age":30}""").Status(400),
            Probe.Post("/signup", """{"name":"   ","age":30}""").Status(400),
            Probe.Post("/signup", """{"name":"Old","age":131}""").Status(400),
            Probe.Post("/signup", """{"name":"Max","age":130}""").Status(201).Json("role", "member"),
        },
    };

    /// <summary>
    /// Exercise 2: a visit counter, <c>POST /visits</c> and <c>GET /visits</c>, whose count lives in the server,
    /// so two different clients see the same number. Check it with <c>await Lesson01.Q2.Check(MapVisits)</c>.
    /// </summary>
    public static readonly SharedCountExercise Q2 = new("01-backend-basics/q2", "One visit count in the server, the same for every client",
    [
        "The count must outlive a single request. A variable declared inside a handler starts again at every request; declare it in `MapVisits`, before the `app.Map…` lines, and use it from both handlers.",
        "`POST /visits` adds one and answers the new total; `GET /visits` only answers the total. Requests can arrive at the same time, so add with `Interlocked.Increment(ref visits)`, which also gives the new value.",
        "`var visits = 0;` then `app.MapPost(\"/visits\", () => Interlocked.Increment(ref visits));` and `app.MapGet(\"/visits\", () => visits);`.",
    ])
    {
        Path = "/visits",
    };

    /// <summary>Lesson 1's concept questions (<see cref="Question"/>): check with <c>.Check(answer: …)</c>, <c>.Hint()</c>, <c>.Explanation()</c>.</summary>
    public static class Concepts
    {
        /// <summary>Part 1: what turns a function into a backend (a letter).</summary>
        public static readonly ChoiceQuestion Q1 = new("01-backend-basics/concepts-q1",
            "What turned the `Price` function into a backend?",
            ["calling it from a notebook cell", "running it in a process that listens on a port and answers the requests that arrive there", "returning its answer as JSON"],
            answer: 'b',
            explanation: "A backend is a running process listening on a port: clients reach it only through requests. `Servers.StartAsync` ran " +
                         "`Price` inside such a process (Kestrel on 127.0.0.1), and from then on anything that could open a connection to that port could ask for a price.",
            hints: ["Before `Servers.StartAsync`, who could call `Price`?", "What did a phone app or a browser need in order to reach it?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "A cell calling `Price` is code calling code in the same process: nothing outside can reach it.",
                ['c'] = "JSON is only how the answer is written; without a process listening on a port, no client could ask for it.",
            },
        };

        /// <summary>Part 1: what the empty line in an HTTP message marks (a letter).</summary>
        public static readonly ChoiceQuestion Q2 = new("01-backend-basics/concepts-q2",
            "In the raw response you read, an empty line (`\\r\\n` alone) follows the last header. What does it mark?",
            ["the end of the connection: the server closes it next", "the end of the head: the body, if any, follows", "the end of the body"],
            answer: 'b',
            explanation: "An HTTP/1.1 message is a start line, header lines, an empty line, then the body (RFC 9112, section 2.1). The empty line " +
                         "ends the head; how long the body is, the headers say (`Content-Length`, or `Transfer-Encoding: chunked` as here).",
            hints: ["Look at the response again: what comes right after the empty line?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "The connection stayed open (HTTP/1.1 keeps it alive by default); the chunked body came after the empty line.",
                ['c'] = "The body comes after the empty line; a chunked body ends with a chunk of length 0.",
            },
        };

        /// <summary>Part 1: the cost of many small requests (a number of microseconds).</summary>
        public static readonly NumberQuestion Q3 = new("01-backend-basics/concepts-q3",
            "A page shows 30 prices. One request to the shop takes 150 µs; a direct call of `Price` takes 0.05 µs. If the page asks for " +
            "each price in its own request, one after another, how many microseconds does it wait in all?",
            answer: 4_500,
            explanation: "30 requests × 150 µs = 4,500 µs, where the 30 function calls themselves are 1.5 µs. One request that answers all 30 prices " +
                         "would cost about one request's time instead: that is why backends are designed around few, meaningful requests.",
            hints: ["The requests go one after another: their times add up.", "30 × 150."])
        { Tolerance = 0.5, Unit = "µs" };

        /// <summary>Part 2: where a rule must be enforced (a letter).</summary>
        public static readonly ChoiceQuestion Q4 = new("01-backend-basics/concepts-q4",
            "Where must the rule \"an order is for 1 to 10 items\" be checked so that no client can break it?",
            ["in the app or web page, before the request is sent", "in the server's handler, when the request arrives", "either one: a single check anywhere is enough"],
            answer: 'b',
            explanation: "A client can send any bytes it likes: the lesson's cells posted orders no app would allow, and `Wire.SendAsync` wrote a request by hand. " +
                         "Only code the backend's owner runs is out of the client's reach, so the rule must run there; a check in the app can only make things friendlier.",
            hints: ["Who wrote the 100 orders with quantities from -2 to 14: an app with a form, or a few lines of C#?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "Nothing forces a client to use your app: a few lines of code send the request without it.",
                ['c'] = "A check in the app alone can be skipped by any client that does not use the app.",
            },
        };

        /// <summary>Part 2: which rule answers first (a status code).</summary>
        public static readonly NumberQuestion Q5 = new("01-backend-basics/concepts-q5",
            "A client posts `{\"item\":\"unicorn\",\"quantity\":0,\"price\":0}` to the lesson's `POST /orders`. Which status code does it get?",
            answer: 404,
            explanation: "The handler checks the item first: `unicorn` is not in the catalog, so it returns `Results.NotFound(…)`, 404, before the quantity " +
                         "rule (which would have given 400) is ever reached. Read a handler's checks in order: the first one that fails decides the answer.",
            hints: ["Two rules are broken. Which `if` comes first in the handler?", "An unknown item gets `Results.NotFound`."]);

        /// <summary>Part 2: how an endpoint's work grows with its data (a letter).</summary>
        public static readonly ChoiceQuestion Q6 = new("01-backend-basics/concepts-q6",
            "`GET /report` adds up every past sale on every request. If the shop's sales grow from 200,000 to 400,000, what happens to the time its handler spends adding them up?",
            ["it stays about the same: a sum is one line of code", "it roughly doubles: the sum visits every sale", "it halves: the server is warmed up by then"],
            answer: 'b',
            explanation: "`sales.Sum()` visits each sale once, so its time grows in proportion to the number of sales: twice the sales, about twice the " +
                         "time. An endpoint whose work grows with the data gets slower as the business grows, whatever the number of clients; keeping " +
                         "a running total (updated on each sale) would make the report cost the same at any size.",
            hints: ["How many additions does `Sum()` make for 200,000 sales? For 400,000?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "One line of code can hide a loop: `Sum()` adds every element, one by one.",
                ['c'] = "Warm-up (compiling code the first time) happens once; the loop's length is set by the data.",
            },
        };
    }
}
