using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>The requests the capstone's checks send, each named the way messages show it.</summary>
internal sealed class ApiCalls(CheckRun run, HttpClient client, RunningServer? server = null)
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public Task<CheckReply> PostAsync(string path, string json, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add(Tickets.IdempotencyKeyHeader, key);
        return run.SendAsync(client, request, $"`POST {path}` with `{Short(json)}`", server);
    }

    public Task<CheckReply> GetAsync(string path) => run.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path), $"`GET {path}`", server);

    public static Event? AsEvent(CheckReply reply)
    {
        try { return JsonSerializer.Deserialize<Event>(reply.Body, Web); }
        catch (JsonException) { return null; }
    }

    public static List<Event>? AsEvents(CheckReply reply)
    {
        try { return JsonSerializer.Deserialize<List<Event>>(reply.Body, Web); }
        catch (JsonException) { return null; }
    }

    /// <summary>The field names of a problem details body's <c>errors</c>, lower-cased; null when the body is not one.</summary>
    public static HashSet<string>? ErrorFields(CheckReply reply)
    {
        try
        {
            using var doc = JsonDocument.Parse(reply.Body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToHashSet()
                : null;
        }
        catch (JsonException) { return null; }
    }

    public static string Short(string json) => json.Length > 60 ? json[..45] + $"… ({json.Length:N0} bytes)" : json;
}
