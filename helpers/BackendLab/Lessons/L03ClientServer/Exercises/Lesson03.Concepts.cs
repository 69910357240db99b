namespace BackendLab.Lessons.L03ClientServer;

public static partial class Lesson03
{
    /// <summary>Lesson 3's concept questions (<see cref="Question"/>), at the end of each part: <c>.Check(answer: …)</c>, <c>.Hint()</c>, <c>.Explanation()</c>.</summary>
    public static class Concepts
    {
        private const string Id = "03-client-server/";

        /// <summary>Part 1: what a timed-out client knows.</summary>
        public static readonly ChoiceQuestion Q1 = new(Id + "concepts-q1",
            "A client's call to `POST /pay` timed out. What does the client know?",
            ["the server never received the request", "the server received it but did not do the work", "only that no answer came in time"],
            answer: 'c',
            explanation: "A timeout is the client giving up. The request may have been lost, or be waiting, or be done with its answer still on the way: " +
                         "the payment counter showed the work done. So a retry must be safe to repeat (an idempotency key).",
            hints: ["What did the server's payment counter say after the client gave up?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "The server recorded the payment after the client gave up: it had received the request.",
                ['b'] = "It did the work: the counter went up. The answer was what was late.",
            },
        };

        /// <summary>Part 1: HttpClient's default timeout.</summary>
        public static readonly NumberQuestion Q2 = new(Id + "concepts-q2",
            "How many seconds does an `HttpClient` wait for an answer when you do not set its `Timeout`?",
            100,
            explanation: "`HttpClient.Timeout` defaults to 100 seconds: far too long for most calls a backend makes. Set a deadline that fits the job.",
            hints: ["The cell printed `client.Timeout` as a `TimeSpan`: 00:01:40."]) { Unit = "seconds" };

        /// <summary>Part 2: a serial server's ceiling.</summary>
        public static readonly NumberQuestion Q3 = new(Id + "concepts-q3",
            "A server that handles one connection at a time needs 20 ms per request. At most how many requests per second can it answer, however many clients come?",
            50,
            explanation: "One request at a time, 20 ms each: 1000 ms ÷ 20 ms = 50 requests per second. More clients only make each one wait longer.",
            hints: ["How many 20 ms slots fit in one second?"]) { Unit = "requests per second" };

        /// <summary>Part 2: who keeps TIME_WAIT.</summary>
        public static readonly ChoiceQuestion Q4 = new(Id + "concepts-q4",
            "A client sends requests with keep-alive and then closes the connection itself. Which side keeps the connection in `TIME_WAIT`?",
            ["the server", "the client: the side that closed first", "both sides"],
            answer: 'b',
            explanation: "TCP puts the side that closes first into TIME_WAIT (RFC 9293): here the client. With `Connection: close` the server closes first, and the server keeps it.",
            hints: ["Look at the two sequence diagrams: who sent the first FIN, and whose end went to TIME_WAIT?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "The server keeps TIME_WAIT when it closes first, as with `Connection: close`.",
                ['c'] = "Only the side that closes first waits; the other side's socket goes away after its own close.",
            },
        };

        /// <summary>Part 2: why share one HttpClient.</summary>
        public static readonly ChoiceQuestion Q5 = new(Id + "concepts-q5",
            "Why share one `HttpClient` rather than create and dispose one per request?",
            ["its connections are reused: no handshake per request and no `TIME_WAIT` socket left behind each time", "an `HttpClient` object takes megabytes of memory", "a new `HttpClient` cannot send a request until the old one is collected"],
            answer: 'a',
            explanation: "A shared client keeps its connections alive and reuses them. A disposed client closes its connection, so every request pays a new handshake " +
                         "and leaves a TIME_WAIT socket holding a port pair; under load those use up the ephemeral ports.",
            hints: ["Count the TIME_WAIT sockets in the table after 100 requests."])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['b'] = "The object is small; what it holds (open connections) is the point.",
                ['c'] = "Each new client works at once; the cost is the connection it opens and closes.",
            },
        };
    }
}
