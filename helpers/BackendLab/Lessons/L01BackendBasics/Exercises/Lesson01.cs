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
}
