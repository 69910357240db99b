using System.Text;
using System.Text.RegularExpressions;

namespace CourseRunner.Site;

/// <summary>
/// The course's vocabulary, one definition per term, written to <c>glossary.html</c> (each term an anchor, e.g.
/// <c>glossary.html#latency</c>). Lesson pages link the first time their prose uses each term (<see cref="Link"/>).
/// </summary>
internal static partial class Glossary
{
    /// <summary>The terms, in the order the glossary lists them (alphabetical), with their definitions.</summary>
    public static readonly IReadOnlyList<(string Term, string Definition)> Terms =
    [
        ("backend", "The part of an application that runs on a server you control: it holds the data, enforces the rules and answers clients."),
        ("closed loop", "A load test where each simulated user sends its next request only after the previous one was answered, so the server's speed sets the pace."),
        ("concurrency", "How many requests are in flight at the same moment (in a closed loop: the number of users)."),
        ("endpoint", "A method and a route that a server answers, such as GET /orders/{id}, with the handler that runs for it."),
        ("ETag", "A response header naming a version of a resource; a client sends it back in If-None-Match and gets 304 Not Modified if nothing changed."),
        ("frontend", "The part of an application that runs on the user's device (a browser page, an app): it is in the user's hands, so it can never be trusted."),
        ("handler", "The function that runs for an endpoint and produces the response."),
        ("idempotent", "A request that has the same effect whether it is sent once or several times, so a client may safely retry it."),
        ("keep-alive", "Reusing one TCP connection for several requests instead of opening a new one for each."),
        ("Kestrel", "ASP.NET Core's built-in web server: it accepts TCP connections and parses HTTP before the middleware runs."),
        ("latency", "How long one request takes, from sending it to having the whole response; reported as percentiles such as p50 and p99."),
        ("loopback", "The address 127.0.0.1: traffic to it never leaves this computer. Every server in the course listens there."),
        ("middleware", "Code that every request passes through, in order, before and after the endpoint's handler (logging, authentication, timing…)."),
        ("open loop", "A load test where requests leave on a fixed schedule whatever the server does, so a slow server cannot slow the test down and hide its delays."),
        ("p99", "The 99th percentile of latency: 99 % of requests were faster than this. p50 is the median."),
        ("port", "A number that, with an address, names one listening socket on a machine, such as 127.0.0.1:5000."),
        ("request", "What a client sends: a method, a path, headers and maybe a body."),
        ("response", "What a server sends back: a status code, headers and maybe a body."),
        ("reverse proxy", "A server in front of others that forwards each request to one of them (in the course: YARP in front of two instances)."),
        ("routing", "Choosing the endpoint for a request from its method and path."),
        ("same-site", "Two addresses are same-site when they share a scheme and a registrable domain (http://shop.example.com and http://www.example.com); ports do not count, and a host that is an IP address is a site of its own, so 127.0.0.1 and localhost are two sites. SameSite cookies are sent or kept back by this test."),
        ("state", "What a system remembers between requests: a cart, a session, a counter."),
        ("throughput", "How many requests are answered per second."),
    ];

    /// <summary>The anchor of a term: lower case, spaces as dashes ("closed-loop").</summary>
    public static string Anchor(string term) => term.ToLowerInvariant().Replace(' ', '-');

    /// <summary>The glossary page.</summary>
    public static string Render(SiteNav nav)
    {
        var page = new StringBuilder(SiteStyle.Head("Glossary — Backend Fundamentals, in C#"));
        page.Append("<body>\n").Append(nav.Render("glossary.html")).Append("<h1>Glossary</h1>\n<p>The words the course uses, each with one meaning. Lesson pages link here the first time they use one.</p>\n<dl class=\"glossary\">\n");
        foreach (var (term, definition) in Terms.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase))
            page.Append($"<dt id=\"{Anchor(term)}\">{Html.Encode(term)}</dt><dd>{Html.Encode(definition)}</dd>\n");
        page.Append("</dl>\n").Append(nav.Render("glossary.html")).Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>
    /// Links the first use of each term in <paramref name="html"/> (prose already rendered) to the glossary, outside code,
    /// links and headings; <paramref name="linked"/> carries the terms already linked on this page.
    /// </summary>
    public static string Link(string html, HashSet<string> linked)
    {
        var result = new StringBuilder();
        var skipDepth = 0;
        foreach (Match part in TagOrText().Matches(html))
        {
            var text = part.Value;
            if (text.StartsWith('<'))
            {
                var name = TagName().Match(text);
                if (name.Success && Skipped.Contains(name.Groups[2].Value.ToLowerInvariant()))
                    skipDepth = Math.Max(0, skipDepth + (name.Groups[1].Value == "/" ? -1 : 1));
                result.Append(text);
                continue;
            }
            if (skipDepth > 0) { result.Append(text); continue; }
            while (text.Length > 0)
            {
                // The earliest use, in this run of text, of a term not linked yet on the page.
                var first = Terms.Where(t => !linked.Contains(t.Term))
                    .Select(t => (t.Term, t.Definition, Match: Regex.Match(text, $@"\b{Regex.Escape(t.Term)}(s|es)?\b", RegexOptions.IgnoreCase)))
                    .Where(x => x.Match.Success).OrderBy(x => x.Match.Index).FirstOrDefault();
                if (first.Match is null) { result.Append(text); break; }
                linked.Add(first.Term);
                result.Append(text[..first.Match.Index])
                    .Append($"<a class=\"term\" href=\"glossary.html#{Anchor(first.Term)}\" title=\"{Html.Encode(first.Definition)}\">{first.Match.Value}</a>");
                text = text[(first.Match.Index + first.Match.Length)..];
            }
        }
        return result.ToString();
    }

    static readonly HashSet<string> Skipped = ["a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"];

    [GeneratedRegex("<[^>]*>|[^<]+")]
    private static partial Regex TagOrText();

    [GeneratedRegex(@"^<(/?)([a-zA-Z0-9]+)")]
    private static partial Regex TagName();
}
