namespace BackendLab.Tests.Core;

/// <summary>
/// Example exercises, declared the way lesson authors declare theirs in helpers/BackendLab/Exercises/LessonNN.cs.
/// They live here, not in the library: they exist only to test the check machinery.
/// </summary>
public static class ExampleExercises
{
    public static readonly EndpointExercise Greet = new("00-example/q1", "Greet by name: GET /hello/{name} answers \"Hello, {name}!\"",
        ["Use a route parameter: `/hello/{name}`.", "A handler can take the parameter as an argument: `(string name) => …`.", "Return the greeting as a string."])
    {
        Requests = { Probe.Get("/hello/Ada").Status(200).BodyIs("Hello, Ada!"), Probe.Get("/hello/Grace").Status(200).BodyIs("Hello, Grace!") },
    };

    public static readonly EndpointExercise CreateItem = new("00-example/q2", "POST /items creates an item; GET /items/{id} reads it")
    {
        Requests =
        {
            Probe.Post("/items", """{"name":"pen"}""").Status(201).HasHeader("Location", "/items/1").Json("name", "pen").Json("id", 1),
            Probe.Get("/items/1").Status(200).Json("name", "pen"),
            Probe.Get("/items/99").Status(404),
        },
    };

    public static EndpointExercise Slow(TimeSpan timeout) => new("00-example/q3", "Answer quickly")
    {
        Timeout = timeout,
        Requests = { Probe.Get("/").Status(200) },
    };

    public static readonly ValueExercise<double> Throughput = new("00-example/q4", "Throughput of 40 requests in 2 seconds", 20.0,
        ["Throughput is requests per second.", "Divide the number of requests by the number of seconds."])
    {
        What = "`throughput`", Tolerance = 0.01, Placeholder = 0,
    };
}
