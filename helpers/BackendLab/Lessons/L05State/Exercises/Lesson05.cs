namespace BackendLab.Lessons.L05State;

/// <summary>The exercises of lesson 5, <c>05-state-management.ipynb</c>: <c>await Lesson05.Q1.Check(…)</c>, <c>Lesson05.Q1.Hint()</c>, <c>Lesson05.Q1.Solution()</c>.</summary>
public static class Lesson05
{
    /// <summary>Exercise 1: move the cart from an instance's memory to a shared store. Check: <c>await Lesson05.Q1.Check(MapCart)</c>.</summary>
    public static readonly StatelessCartExercise Q1 = new("05-state-management/q1", "Make the cart service stateless",
    [
        "Nothing about a cart may stay in the instance between requests: no dictionary, no list. Every handler reads from and writes to `store`.",
        "One list per user: the key can be `$\"cart:{user}\"`. `await store.AppendAsync(key, item)` adds an item; `await store.ListAsync(key)` reads the cart.",
        "`app.MapPost(\"/cart/{user}/items\", async (string user, string item) => { await store.AppendAsync($\"cart:{user}\", item); return Results.Ok(); });` and `app.MapGet(\"/cart/{user}\", (string user) => store.ListAsync($\"cart:{user}\"));`",
    ]);

    /// <summary>Exercise 2: fix a lost update. Check: <c>await Lesson05.Q2.Check(MapScore)</c>.</summary>
    public static readonly LostUpdateExercise Q2 = new("05-state-management/q2", "Fix the lost update in POST /score",
    [
        "Read, add, write is three steps; another request can write between your read and your write, and your write then erases its update. Make the change one step the store performs, or detect the conflict.",
        "`await store.IncrementAsync($\"score:{user}\", points)` adds atomically and returns the new total. (Or: `GetVersionedAsync`, then `TrySetAsync(key, newValue, version)`, and loop while it returns false.)",
        "`app.MapPost(\"/score/{user}\", (string user, int points) => store.IncrementAsync($\"score:{user}\", points));` and `app.MapGet(\"/score/{user}\", async (string user) => long.Parse(await store.GetAsync($\"score:{user}\") ?? \"0\"));`",
    ]);

    /// <summary>Lesson 5's concept questions (<see cref="Question"/>): Q1–Q2 end Part 1 (stateful), Q3–Q5 end Part 2 (stateless, shared state).</summary>
    public static class Concepts
    {
        /// <summary>Round-robin and in-memory carts. (a number)</summary>
        public static readonly NumberQuestion Q1 = new("05-state-management/concepts-q1",
            "Three instances keep carts in memory behind a round-robin proxy that sends requests to A, B, C, A, B, C… in turn. " +
            "A new user adds three items (one request each), then opens the cart with a fourth request. How many items does the cart show?",
            answer: 1,
            explanation: "The adds went to A, B and C, one item each; the fourth request goes to A again, which holds only the first item. " +
                         "Each instance's memory holds the part of the cart it saw.",
            hints: ["Write down which instance each of the four requests reaches.", "What does instance A hold?"]);

        /// <summary>What sticky sessions fix, and what not. (a letter)</summary>
        public static readonly ChoiceQuestion Q2 = new("05-state-management/concepts-q2",
            "With sticky sessions, the instance holding a user's in-memory cart stops, and the proxy sends the user to an instance still running. What does the user's cart show?",
            ["the whole cart: the proxy moved it to the other instance", "an empty cart: the other instance never had it",
             "the whole cart: the surviving instance fetches it from the stopped one"],
            answer: 'b',
            explanation: "Sticky sessions only route: they keep a user on the instance holding their state. The state itself lives in that instance's memory " +
                         "and is gone with it, as Alice's empty cart showed. Only state outside the instances (a store, or the client) survives.",
            hints: ["What did Alice's cart show after her instance stopped?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "A proxy forwards requests; it never sees or copies an instance's memory.",
                ['c'] = "A stopped instance's memory is gone; nothing is left to fetch.",
            },
        };

        /// <summary>Two read-add-writes at once. (a number)</summary>
        public static readonly NumberQuestion Q3 = new("05-state-management/concepts-q3",
            "A counter holds 41. Two requests each read it, add 1 and write the result back, and both reads happen before either write. What does the counter hold afterwards?",
            answer: 42,
            explanation: "Both read 41, both compute 42, both write 42: one increment is lost, and no error says so. An atomic increment would give 43.",
            hints: ["What value does each request read, and what does each write?"]);

        /// <summary>Why a lock in one process does not fix a lost update between instances. (a letter)</summary>
        public static readonly ChoiceQuestion Q4 = new("05-state-management/concepts-q4",
            "In the notebook, a `SemaphoreSlim` declared in a cell and used by both instances around read-add-write does stop the lost updates. Why would it not in production?",
            ["`SemaphoreSlim` is not safe to use from many threads", "each real instance is a separate process (or machine) with its own `SemaphoreSlim`, so a request on A and one on B still interleave",
             "it would, but it is too slow"],
            answer: 'b',
            explanation: "A lock lives in one process's memory. Here both instances run in the notebook's process and share the cell's variable; real instances do not, " +
                         "so each would lock only its own requests. The store must keep the update whole: an atomic update (`IncrementAsync`) or a version check (`TrySetAsync`, `If-Match`).",
            hints: ["Where does the `SemaphoreSlim` object live, and who can see it?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "`SemaphoreSlim` is thread-safe: within one process it does serialize the requests.",
                ['c'] = "Speed is not the problem: across separate processes it does not stop the race at all.",
            },
        };

        /// <summary>What to do after 412 Precondition Failed. (a letter)</summary>
        public static readonly ChoiceQuestion Q5 = new("05-state-management/concepts-q5",
            "A client's `PUT /counter?value=8` with `If-Match: \"7\"` gets `412 Precondition Failed`. What should it do?",
            ["send the same PUT again, unchanged", "read the counter again (its new value and version), redo its change, and send it with the new version in `If-Match`",
             "send the PUT again without `If-Match`"],
            answer: 'b',
            explanation: "412 says someone wrote since version 7 was read. The client's 8 was computed from an old value, so it must read again, recompute and retry — " +
                         "the loop of the optimistic counter in the lesson (RFC 9110, section 13.1.1).",
            hints: ["What does the 412 tell the client about the value it read?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "The version is still not 7, so the same request fails again with 412.",
                ['c'] = "Without `If-Match` the write would overwrite someone else's update (a lost update), or the server refuses it with 428 Precondition Required, as the lesson's does.",
            },
        };
    }
}
