using System.Net;
using System.Text.Json;

namespace BackendLab;

/// <summary>What came back from one probe request.</summary>
internal sealed record ProbeResponse(int StatusCode, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>One rule a probe's response must follow; <see cref="Judge"/> gives null when it holds, else what differs.</summary>
internal sealed record ProbeExpectation(Func<ProbeResponse, string?> Judge)
{
    public static ProbeExpectation Status(int code) => new(r => r.StatusCode == code ? null :
        $"the response status is `{Describe(r.StatusCode)}`; wanted `{Describe(code)}`." + StatusSlip(r.StatusCode));

    public static ProbeExpectation BodyIs(string text) => new(r => r.Body == text ? null :
        $"the response body is `{Cut(r.Body)}`; wanted `{text}`." + BodySlip(r.Body));

    public static ProbeExpectation BodyContains(string text) => new(r => r.Body.Contains(text, StringComparison.Ordinal) ? null :
        $"the response body is `{Cut(r.Body)}`; wanted one that contains `{text}`." + BodySlip(r.Body));

    public static ProbeExpectation Header(string name, string? value) => new(r =>
        !r.Headers.TryGetValue(name, out var actual) ? $"the response has no `{name}` header."
        : value is null || actual.StartsWith(value, StringComparison.OrdinalIgnoreCase) ? null
        : $"the `{name}` header is `{actual}`; wanted `{value}`.");

    public static ProbeExpectation Json(string property, object? value) => new(r =>
    {
        JsonElement node;
        try { node = JsonDocument.Parse(r.Body).RootElement; }
        catch (JsonException) { return $"the response body `{Cut(r.Body)}` is not JSON." + BodySlip(r.Body); }
        foreach (var part in property.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !TryGet(node, part, out node))
                return $"the JSON `{Cut(r.Body)}` has no property `{property}`." + BodySlip(r.Body);
        }
        return JsonEquals(node, value) ? null
            : $"in the JSON, `{property}` is `{Cut(node.GetRawText())}`; wanted `{JsonSerializer.Serialize(value)}`." + LearnerCode.AwaitSlip(node.GetRawText());
    });

    static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var p in obj.EnumerateObject())
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) { value = p.Value; return true; }
        value = default;
        return false;
    }

    static bool JsonEquals(JsonElement actual, object? expected) => expected switch
    {
        null => actual.ValueKind == JsonValueKind.Null,
        string s => actual.ValueKind == JsonValueKind.String && actual.GetString() == s,
        bool b => actual.ValueKind == (b ? JsonValueKind.True : JsonValueKind.False),
        _ when Shown.IsNumber(expected) => actual.ValueKind == JsonValueKind.Number && Shown.Same(expected, actual.GetDouble(), 1e-9),
        _ => JsonSerializer.Serialize(JsonDocument.Parse(JsonSerializer.Serialize(expected)).RootElement) == JsonSerializer.Serialize(actual),
    };

    static string Describe(int code) => Enum.IsDefined(typeof(HttpStatusCode), code) ? $"{code} {(HttpStatusCode)code}" : code.ToString();

    static string StatusSlip(int actual) => actual switch
    {
        404 => " No endpoint matched this request: check the method and the path you mapped.",
        405 => " An endpoint has this path, but not for this method.",
        415 => " The endpoint expected a different Content-Type for its body.",
        _ => "",
    };

    static string BodySlip(string body) =>
        LearnerCode.AwaitSlip(body) ?? (body.Length == 0 ? " The body is empty: does the handler return its value?" : "");

    static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
