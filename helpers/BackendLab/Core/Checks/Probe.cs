using System.Net.Http;
using System.Text;

namespace BackendLab;

/// <summary>
/// One request an <see cref="EndpointExercise"/> sends to the learner's endpoints, and what the response must look like:
/// <code>Probe.Post("/items", """{"name":"pen"}""").Status(201).HasHeader("Location").Json("name", "pen")</code>
/// Probes are sent in the order declared, so a POST can prepare what a later GET reads.
/// </summary>
public sealed class Probe
{
    readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    internal List<ProbeExpectation> Expectations { get; } = [];

    Probe(string method, string path, string? body, string? contentType) =>
        (Method, Path, Body, ContentType) = (method.ToUpperInvariant(), path, body, contentType);

    /// <summary>The HTTP method, e.g. "GET".</summary>
    public string Method { get; }

    /// <summary>The path and query, e.g. "/items?page=2".</summary>
    public string Path { get; }

    /// <summary>The request body, or null for none.</summary>
    public string? Body { get; }

    /// <summary>The body's Content-Type, or null.</summary>
    public string? ContentType { get; }

    /// <summary>A GET request for <paramref name="path"/>.</summary>
    public static Probe Get(string path) => new("GET", path, null, null);

    /// <summary>A POST request; the body is JSON unless <paramref name="contentType"/> says otherwise.</summary>
    public static Probe Post(string path, string? body = null, string contentType = "application/json") => new("POST", path, body, body is null ? null : contentType);

    /// <summary>A PUT request; the body is JSON unless <paramref name="contentType"/> says otherwise.</summary>
    public static Probe Put(string path, string? body = null, string contentType = "application/json") => new("PUT", path, body, body is null ? null : contentType);

    /// <summary>A DELETE request for <paramref name="path"/>.</summary>
    public static Probe Delete(string path) => new("DELETE", path, null, null);

    /// <summary>A request with any method.</summary>
    public static Probe Send(string method, string path, string? body = null, string? contentType = null) => new(method, path, body, contentType);

    /// <summary>Adds a request header.</summary>
    public Probe WithHeader(string name, string value) { _headers[name] = value; return this; }

    /// <summary>The response must have status code <paramref name="code"/>.</summary>
    public Probe Status(int code) => With(ProbeExpectation.Status(code));

    /// <summary>The response body must be exactly <paramref name="text"/>.</summary>
    public Probe BodyIs(string text) => With(ProbeExpectation.BodyIs(text));

    /// <summary>The response body must contain <paramref name="text"/>.</summary>
    public Probe BodyContains(string text) => With(ProbeExpectation.BodyContains(text));

    /// <summary>The response must carry header <paramref name="name"/>, and, when <paramref name="value"/> is given, start with that value.</summary>
    public Probe HasHeader(string name, string? value = null) => With(ProbeExpectation.Header(name, value));

    /// <summary>The body must be JSON whose property <paramref name="property"/> (dots for nested ones: "item.name") equals <paramref name="value"/>.</summary>
    public Probe Json(string property, object? value) => With(ProbeExpectation.Json(property, value));

    /// <summary>How messages name this request: <c>`POST /items` with body `{"name":"pen"}`</c>.</summary>
    public override string ToString() => $"`{Method} {Path}`" + (Body is null ? "" : $" with body `{Body}`") +
        string.Concat(_headers.Select(h => $" and header `{h.Key}: {h.Value}`"));

    internal HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null) request.Content = new StringContent(Body, Encoding.UTF8, ContentType ?? "text/plain");
        foreach (var (name, value) in _headers)
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    Probe With(ProbeExpectation expectation) { Expectations.Add(expectation); return this; }
}
