namespace BackendLab.Lessons.L02Boundary;

public static partial class Lesson02
{
    /// <summary>Lesson 2's concept questions (<see cref="Question"/>), two at the end of each part: <c>.Check(answer: …)</c>, <c>.Hint()</c>, <c>.Explanation()</c>.</summary>
    public static class Concepts
    {
        private const string Id = "02-frontend-backend-boundary/";

        /// <summary>Part 1: what a request that breaks the page's rules tells the server.</summary>
        public static readonly ChoiceQuestion Q1 = new(Id + "concepts-q1",
            "The page's quantity box has `min=\"1\" max=\"10\"`, and its script checks the quantity too. A request with `\"quantity\": 50` arrives at `POST /orders`. What can the server conclude?",
            ["the browser's validation is broken", "nothing about who wrote it: any client can send any request", "the user edited the page in their browser"],
            answer: 'b',
            explanation: "A request is text that any program can write (`curl`, a script, the C# cell above). The page's checks ran only if the page sent it, " +
                         "and nothing in the request proves that. So the server must check the quantity itself, whoever sent it.",
            hints: ["Who else, besides the page, sent `POST /orders` in Part 1?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "The browser's checks work (the preview refused 50); the request may never have passed through a browser.",
                ['c'] = "Possibly, but a request can just as well come from a program that never loaded the page: the server cannot tell.",
            },
        };

        /// <summary>Part 1: where the page's code runs.</summary>
        public static readonly ChoiceQuestion Q2 = new(Id + "concepts-q2",
            "The shop's page refused a quantity of 50 before sending anything. Where did that check run?",
            ["on the shop's server, before it sent the page", "in the user's browser, on the user's computer", "in Kestrel, when the request arrived"],
            answer: 'b',
            explanation: "The page's HTML (`min`, `max`, `required`) and its script run in the browser that loaded them, on the user's machine: " +
                         "the preview ran with no server at all. That is why the user controls them, and why they protect nothing on the server.",
            hints: ["The preview worked without reaching any server."])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "The server only sends the page's text; it does not run the page's script.",
                ['c'] = "Nothing reached Kestrel: the preview's request was never sent.",
            },
        };

        /// <summary>Part 2: why a note that looks like SQL is safe with parameters.</summary>
        public static readonly ChoiceQuestion Q3 = new(Id + "concepts-q3",
            "The hardened shop stored the note `x'); INSERT INTO orders … --` as it is, and no extra row appeared. Why?",
            ["SQLite refuses a second statement", "`ShopDb.Insert` sends the note as a parameter value, never as part of the SQL text", "validation removed the quote before the handler ran"],
            answer: 'b',
            explanation: "With a parameterized command the SQL text (`VALUES ($product, …, $note)`) is fixed, and the values travel separately: " +
                         "whatever the note contains is stored as text. The naive shop pasted the note into the SQL text, so it became SQL.",
            hints: ["Compare `ShopDb.Insert` and `ShopDb.InsertUnsafe`: where does the note go?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "The naive shop ran the injected INSERT with the same SQLite: the difference is in how the note was sent.",
                ['c'] = "The stored row holds the quote: nothing was removed. Rejecting characters is not the defence.",
            },
        };

        /// <summary>Part 2: the status of a body over the size limit.</summary>
        public static readonly NumberQuestion Q4 = new(Id + "concepts-q4",
            "The hardened endpoint has `[RequestSizeLimit(16_384)]`. Which status code does a request with a 10 MB body get?",
            413,
            explanation: "`413 Payload Too Large` (RFC 9110 calls it 413 Content Too Large): Kestrel refuses the body from its announced size, before the handler reads it.",
            hints: ["It is a 4xx status: the client sent too much.", "The battery's table showed it, in the 10 MB row."]);

        /// <summary>Part 3: which cross-origin request is sent without a preflight.</summary>
        public static readonly ChoiceQuestion Q5 = new(Id + "concepts-q5",
            "A page on another origin makes each of these requests to your API. Which one does the browser send without a preflight?",
            ["`fetch` with method `PUT`", "`fetch` with method `POST` and `Content-Type: application/json`",
             "an HTML form `POST` (`application/x-www-form-urlencoded`)", "`fetch` with method `GET` and a header `X-Token`"],
            answer: 'c',
            explanation: "The Fetch standard preflights a non-simple method (not GET, HEAD or POST), a header the page set outside the safelist, " +
                         "or a `Content-Type` other than the three a form can send. A form post is none of these, though it changes state: hence CSRF.",
            hints: ["The rule is about the request's shape: method, headers, content type.", "Which of the four could an HTML form send by itself?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "`PUT` is not GET, HEAD or POST: preflighted.",
                ['b'] = "`application/json` is not one of the three form content types: preflighted.",
                ['d'] = "`X-Token` is not a CORS-safelisted header: preflighted.",
            },
        };

        /// <summary>Part 3: what antiforgery does with a forged post.</summary>
        public static readonly ChoiceQuestion Q6 = new(Id + "concepts-q6",
            "A forged form post from `evil.example` carries the victim's cookies but no antiforgery token. What does an endpoint protected by `UseAntiforgery()` do?",
            ["runs the handler: the cookies prove who the user is", "answers `400` without running the handler", "nothing: CORS has already blocked the request"],
            answer: 'b',
            explanation: "The token is in the shop's own page, which `evil.example` cannot read (the same-origin policy). Cookies travel with the request " +
                         "by themselves, so they prove nothing about which page sent it; the missing token does, and the endpoint refuses with 400.",
            hints: ["Cookies are attached by the browser to any request to the site; what can only the shop's own page hold?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "That is exactly the CSRF attack: the browser attaches the cookies whichever page made the post.",
                ['c'] = "A form post needs no preflight, and CORS never stops a request from reaching the server.",
            },
        };

        /// <summary>Part 4: which response a shared cache may serve to everyone.</summary>
        public static readonly ChoiceQuestion Q7 = new(Id + "concepts-q7",
            "Which response may a shared cache (a CDN or proxy in front of the backend) keep and serve to every user?",
            ["the server-rendered page that says \"Hello, customer 7\"", "the static page, sent with `Cache-Control: public, max-age=3600`",
             "`/api/shop`, sent with `Cache-Control: no-store`"],
            answer: 'b',
            explanation: "A response made for one user must not be served to others; `no-store` forbids keeping it at all. The static page is the same bytes " +
                         "for everyone and says `public, max-age=3600`: any cache may serve it for an hour without asking the backend.",
            hints: ["Which of the three is the same for every user, and says so?"])
        {
            WhyNot = new Dictionary<char, string>
            {
                ['a'] = "It greets one customer: served to others, it would show them someone else's name and cart.",
                ['c'] = "`no-store` forbids any cache from keeping it.",
            },
        };

        /// <summary>Part 4: requests for the static page with browser caches only.</summary>
        public static readonly NumberQuestion Q8 = new(Id + "concepts-q8",
            "20 users each open the static page + API shop 10 times, with their browsers' caches but no shared cache. How many requests for `/` (the page) reach the backend?",
            20,
            explanation: "Each browser fetches the page once and keeps it (`max-age=3600`), so its 9 later views ask only for `/api/shop`: one request for `/` per user, 20 in all.",
            hints: ["A browser cache belongs to one user.", "How often does one browser ask for a page it may keep for an hour?"]) { Unit = "requests" };
    }
}
