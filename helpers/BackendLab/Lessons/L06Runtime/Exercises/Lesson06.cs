namespace BackendLab.Lessons.L06Runtime;

/// <summary>The auto-checked exercises of lesson 6, "C# and .NET in the backend" (notebooks/06-dotnet-runtime-and-concurrency.ipynb).</summary>
public static class Lesson06
{
    /// <summary>Fix a starving endpoint: GET /orders/{id} must scale with the number of users, like the async endpoint did.</summary>
    public static readonly SweepExercise Q1 = new("06-dotnet-runtime-and-concurrency/q1",
        "Fix the starving endpoint: GET /orders/{id} must keep up with 16 and 64 users",
        [
            "Which call holds a thread for the whole 50 ms? `OrderStore` has another way to look an order up.",
            "Make the handler `async` and `await OrderStore.FindAsync(id)`. Wrapping the blocking call in `Task.Run` only moves the blocking to another pool thread.",
        ])
    {
        Path = "/orders/7",
        BodyContains = "\"id\":7",
    };

    /// <summary>Choose a concurrency limit and a queue size that keep p99 under 100 ms at 300 req/s offered, while serving at least 150 req/s.</summary>
    public static readonly LimiterExercise Q2 = new("06-dotnet-runtime-and-concurrency/q2",
        "Choose PermitLimit and QueueLimit: p99 under 150 ms at 300 req/s offered, at least 150 req/s served",
        [
            "The store runs 4 queries at once, 20 ms each. Permits beyond 4 do not make it faster: those requests just wait inside the store instead of in the limiter's queue.",
            "A request that finds k requests ahead of it waits about k ÷ 4 × 20 ms before its own 20 ms query. How many may be ahead of it for the wait to stay well under the 150 ms target, with room for a noisy machine?",
            "Around 4 permits and a queue of 4 to 8 works. A queue of 0 turns away requests that would only have waited a few milliseconds.",
        ]);

    /// <summary>Lesson 6's concept questions (<see cref="Question"/>): check with <c>.Check(answer: …)</c>, <c>.Hint()</c>, <c>.Explanation()</c>.</summary>
    public static class Concepts
    {
        const string Notebook = "06-dotnet-runtime-and-concurrency";

        /// <summary>Part 1: what a generation-0 collection's cost grows with (a letter).</summary>
        public static readonly ChoiceQuestion Q1 = new($"{Notebook}/concepts-q1",
            "A generation-0 collection runs while a server handles requests. What does the time it takes grow with, mainly?",
            ["the bytes allocated since the last collection", "the objects still in use, which it must find and keep", "the number of cores"],
            answer: 'b',
            explanation: "A collection finds what is still reachable and keeps it (compacting it, or promoting it to generation 1); the space of dead objects is " +
                         "simply reused. A request's garbage is dead by the next collection, so a generation-0 collection over it has little to keep and is quick. " +
                         "Allocation decides how often collections run (each time generation 0's budget fills); what survives decides how long each one takes.",
            hints: ["Which objects must the collector do something with: the dead ones or the live ones?", "Compare the GC pause column with the number of collections: how long did each of /json's collections pause the server?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "Allocation sets how often a collection runs (when generation 0's budget fills), not mainly how long one takes: the dead objects' space is simply reused.",
                ['c'] = "More cores let the server collector work in parallel on more heaps; they do not make the work bigger. The work is finding and keeping what is still in use.",
            },
        };

        /// <summary>Part 1: how many heaps the server collector uses since .NET 9 (a letter).</summary>
        public static readonly ChoiceQuestion Q2 = new($"{Notebook}/concepts-q2",
            "An ASP.NET Core app on .NET 9 or later runs the server garbage collector with its default settings, on 16 cores. How many heaps does it use?",
            ["16 from start to end: one per core", "it starts with 1, and DATAS adds or removes heaps as the app's allocation demands, up to 16", "always 1, as the workstation collector does"],
            answer: 'b',
            explanation: "Since .NET 9 the server collector runs with DATAS (dynamic adaptation to application sizes) by default: it starts with one heap and " +
                         "changes the number of heaps as needed, between one and one per core, so a quiet app keeps a small heap. The GC table above showed " +
                         "how many heaps the lab server's collections really used. Before .NET 9 (or with DATAS turned off) the server collector used one heap per core.",
            hints: ["The GC table above has a row \"heaps each collection used\".", "DATAS: Dynamic Adaptation To Application Sizes."])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "That was the server collector before .NET 9, and is still what you get with DATAS turned off (GCDynamicAdaptationMode=0).",
                ['c'] = "One heap is where DATAS starts; it adds heaps when allocation demands them, up to one per core.",
            },
        };

        /// <summary>Part 2: Little's law in a closed loop (a number).</summary>
        public static readonly NumberQuestion Q3 = new($"{Notebook}/concepts-q3",
            "A closed-loop test keeps 200 users busy, and each request takes 50 ms on average. How many requests per second does the server answer, by Little's law?",
            answer: 4000,
            explanation: "Little's law: requests in flight = throughput × latency, so throughput = 200 ÷ 0.050 s = 4,000 requests per second. It holds for averages " +
                         "over a steady state: a one-second window that starts with an empty queue, or ends with requests still waiting, measures less (the blocking sweep's table).",
            hints: ["Concurrency = throughput × latency. Solve for throughput.", "50 ms is 0.05 s."])
        { Tolerance = 1, Unit = "requests per second" };

        /// <summary>Part 2: the ceiling of CPU-bound work (a number).</summary>
        public static readonly NumberQuestion Q4 = new($"{Notebook}/concepts-q4",
            "A handler computes for 10 ms of CPU time per request. The server has 4 cores and nothing else runs on them. At most how many requests per second can it answer, however many users send them?",
            answer: 400,
            explanation: "Each core completes at most 1 ÷ 10 ms = 100 requests per second, and 4 cores compute at once (a .NET server is one process whose thread pool " +
                         "uses them all): 4 × 100 = 400. More users past 4 only queue, as the CPU-bound sweep showed on its own core budget.",
            hints: ["How many 10 ms requests fit in one second of one core?", "Cores × (1 ÷ CPU time per request)."])
        { Tolerance = 1, Unit = "requests per second" };

        /// <summary>Part 2: the fix for a blocking call in a request path (a letter).</summary>
        public static readonly ChoiceQuestion Q5 = new($"{Notebook}/concepts-q5",
            "A handler calls a database driver's synchronous method, which holds its thread for 50 ms. At 200 users the thread pool starves. Which change removes the cause?",
            ["call ThreadPool.SetMinThreads(200, 200) at start-up", "await the driver's async method instead (async all the way)", "wrap the call in Task.Run(() => …) and await that"],
            answer: 'b',
            explanation: "Awaiting the async method gives the thread back to the pool while the database answers, so a handful of threads serve every user, as " +
                         "the async server did. Raising the minimum is the band-aid (a thread per request in flight, and the next spike starves it again); Task.Run " +
                         "only moves the blocking onto another pool thread.",
            hints: ["Which option leaves no pool thread waiting for the database?", "Exercise 1 is this fix."])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "That is the band-aid of the starvation section: it works for this load, costs a thread (and its stack) per request in flight, and the next spike starves it again.",
                ['c'] = "Task.Run runs the blocking call on another pool thread, which then waits the 50 ms: the pool still loses one thread per request in flight.",
            },
        };
    }
}
