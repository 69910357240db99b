namespace BackendLab.Lessons.L00StartHere;

/// <summary>Lesson 0's checkable items: <c>Lesson00.Concepts.Q1</c>, a concept question about where the notebook's servers listen.</summary>
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
    }
}
