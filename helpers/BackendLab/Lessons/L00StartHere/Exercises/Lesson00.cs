namespace BackendLab.Lessons.L00StartHere;

/// <summary>Lesson 0's checkable items: <c>Lesson00.Concepts.Q1</c> (where the notebook's servers listen) and <c>Q2</c>–<c>Q8</c>, one per idea of "the C# you need for this course".</summary>
public static class Lesson00
{
    /// <summary>Lesson 0's concept questions (<see cref="Question"/>): check with <c>.Check(answer: …)</c>, <c>.Hint()</c>, <c>.Explanation()</c>.</summary>
    public static class Concepts
    {
        /// <summary>Who can reach a server listening on 127.0.0.1? (a letter)</summary>
        public static readonly ChoiceQuestion Q1 = new("00-start-here/concepts-q1",
            "The server above listens on `127.0.0.1`. Who can send it requests?",
            ["any computer on the internet", "programs running on this computer only", "only the notebook cell that started it"],
            answer: 'b',
            explanation: "`127.0.0.1` is the loopback address: traffic to it never leaves this computer, so any program here " +
                         "(a browser, `curl`, another notebook) can reach the server, and nothing outside can. Every server in the course listens there.",
            hints: ["\"Loopback\": where does a packet sent to 127.0.0.1 go?", "Another program on the same computer, such as a browser, can open `http://127.0.0.1:<port>/`."])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "A server reachable from the internet would listen on a public address (or 0.0.0.0); 127.0.0.1 never leaves the machine.",
                ['c'] = "The port is open to every program on this computer, not only to the cell: try the URL in a browser on the same machine.",
            },
        };
    
        /// <summary>C# you need: records compare by value (a letter).</summary>
        public static readonly ChoiceQuestion Q2 = new("00-start-here/concepts-q2",
            "With `record Order(string Item, int Quantity);`, what is `new Order(\"pen\", 2) == new Order(\"pen\", 2)`?",
            ["true: records compare their values", "false: they are two different objects", "it does not compile: == needs an operator written by hand"],
            answer: 'a',
            explanation: "A record gets value equality from the compiler: `Equals`, `==` and `GetHashCode` compare its properties, like Python's " +
                         "`@dataclass` (`eq=True`). A plain `class` would compare references and say `false`.",
            hints: ["Run the records cell again and read `a == b`."])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['b'] = "That is a `class`: two objects are equal only if they are the same object. A `record` compares its values.",
                ['c'] = "The compiler writes `==` and `!=` for every record.",
            },
        };

        /// <summary>C# you need: when a handler's lambda runs (a letter).</summary>
        public static readonly ChoiceQuestion Q3 = new("00-start-here/concepts-q3",
            "`app.MapGet(\"/price\", (string item, int quantity) => Price(item, quantity));` When does the lambda run?",
            ["once, when MapGet is called, and its result is kept", "each time a GET /price request arrives, with item and quantity filled from the request", "once, when the server starts"],
            answer: 'b',
            explanation: "`MapGet` stores the lambda as the endpoint's handler; ASP.NET Core calls it for every matching request, binding its parameters " +
                         "by name from the route or query string (`/price?item=pen&quantity=2`), as FastAPI does with a decorated function's parameters.",
            hints: ["A lambda is code passed as a value: who calls it, and when?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "A lambda is not run when it is passed: it is stored, and called later by whoever received it.",
                ['c'] = "Starting the server only opens the port; no request has arrived yet, so there is nothing to compute.",
            },
        };

        /// <summary>C# you need: what await does with the thread (a letter).</summary>
        public static readonly ChoiceQuestion Q4 = new("00-start-here/concepts-q4",
            "In a handler, `var rows = await db.QueryAsync(sql);` sends a query that the database takes 50 ms to answer. What does the handler's thread do during those 50 ms?",
            ["it waits, blocked, until the rows arrive", "it goes back to the thread pool and runs other work; the handler carries on (perhaps on another thread) when the rows arrive", "it is destroyed, and a new thread is created for the rest of the handler"],
            answer: 'b',
            explanation: "`await` on a task that has not finished returns the thread to its caller (in ASP.NET Core: the thread pool), and the rest of the " +
                         "method is queued to run when the task completes. That is how a few threads serve thousands of waiting requests (lesson 6 measures it), " +
                         "as one Python event loop does with `async def` and `await`.",
            hints: ["In the async cell, two 200 ms waits overlapped: could they have, if each held a thread blocked?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "That is what a blocking call (`Thread.Sleep`, `.Result`) does; `await` gives the thread back instead.",
                ['c'] = "Threads are reused from a pool; creating one per wait would be slow, and `await` needs no new thread at all.",
            },
        };

        /// <summary>C# you need: what Results.Created sends (a letter).</summary>
        public static readonly ChoiceQuestion Q5 = new("00-start-here/concepts-q5",
            "A handler returns `Results.Created(\"/orders/7\", order)`. What does the client receive?",
            ["200 OK with the order as JSON", "201 Created, a Location: /orders/7 header, and the order as JSON", "201 Created with an empty body"],
            answer: 'b',
            explanation: "An `IResult` describes the whole response: `Results.Created(uri, value)` sets the status to 201, the `Location` header to the " +
                         "new resource's address and writes the value as JSON. Returning a plain value instead always gives 200 with JSON.",
            hints: ["Which status code means \"created\", and where does the first argument go?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "200 is what a plain returned value gets; `Results.Created` exists to say 201.",
                ['c'] = "The second argument is the body: `Results.Created` writes it as JSON.",
            },
        };

        /// <summary>C# you need: the $ of string interpolation (a letter).</summary>
        public static readonly ChoiceQuestion Q6 = new("00-start-here/concepts-q6",
            "`var total = 90m;` What does `Console.WriteLine(\"Total: {total}\");` print? (Look closely: there is no `$`.)",
            ["Total: 90", "Total: {total}", "nothing: it does not compile"],
            answer: 'b',
            explanation: "Without `$` the braces are ordinary characters, as a Python string without its `f` prefix or a JavaScript string in quotes " +
                         "instead of backticks. `$\"Total: {total}\"` would print `Total: 90`.",
            hints: ["In Python, what does `print(\"Total: {total}\")` print, without the `f`?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "That needs `$` in front of the string: `$\"Total: {total}\"`.",
                ['c'] = "It is a valid string that happens to contain braces.",
            },
        };

        /// <summary>C# you need: a LINQ query worked out by hand (a number).</summary>
        public static readonly NumberQuestion Q7 = new("00-start-here/concepts-q7",
            "What is `new[] { 3, 8, 1, 9 }.Where(x => x > 2).Select(x => x * 10).Sum()`?",
            answer: 200,
            explanation: "`Where` keeps 3, 8 and 9 (1 is not above 2), `Select` makes them 30, 80 and 90, and `Sum` adds them: 200. In Python: " +
                         "`sum(x * 10 for x in [3, 8, 1, 9] if x > 2)`; in JavaScript: `[3, 8, 1, 9].filter(x => x > 2).map(x => x * 10).reduce((a, b) => a + b, 0)`.",
            hints: ["First `Where`: which numbers are above 2?", "Then multiply each of them by 10 and add."]);

        /// <summary>C# you need: a lost update without Interlocked (a letter).</summary>
        public static readonly ChoiceQuestion Q8 = new("00-start-here/concepts-q8",
            "`visits` is 10. Two requests run `visits++` at the same moment, on two cores. What can `visits` be afterwards?",
            ["always 12", "11 or 12: both may read 10, and both write 11", "always 11"],
            answer: 'b',
            explanation: "`visits++` is three steps: read, add one, write. If both requests read 10 before either writes, both write 11 and one visit is " +
                         "lost; if one finishes first, the result is 12. `Interlocked.Increment(ref visits)` makes the three steps one indivisible step: always 12.",
            hints: ["Split `visits++` into the steps a CPU does. What if both requests do step 1 before either does step 3?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "Only if the increments do not overlap; nothing in `visits++` prevents that. `Interlocked.Increment` would make it always 12.",
                ['c'] = "It is 11 only when the two increments overlap; when one finishes before the other starts, it is 12.",
            },
        };
}
}
