using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackendLab;

/// <summary>
/// The JSON file itself: <c>{ "format": 1, "items": { "01-backend-basics/q1": { "kind": "exercise", "last": "correct", … } } }</c>.
/// Items are keyed by their id ("&lt;notebook&gt;/&lt;name&gt;"), so any checkable item with a lesson and an id can record.
/// </summary>
internal sealed record ProgressFile(int Format, Dictionary<string, ProgressEntry> Items)
{
    /// <summary>The format this version writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>An empty record.</summary>
    public static ProgressFile Empty() => new(CurrentFormat, new(StringComparer.Ordinal));

    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Parses the file's text; throws <see cref="JsonException"/> when it is not a progress file.</summary>
    public static ProgressFile Parse(string json)
    {
        var file = JsonSerializer.Deserialize<ProgressFile>(json, Options) ?? throw new JsonException("the file holds `null`");
        if (file.Items is null) throw new JsonException("it has no \"items\"");
        if (file.Items.Values.Any(e => e is null || e.Kind is null)) throw new JsonException("an item is empty or has no \"kind\"");
        return file with { Items = new(file.Items, StringComparer.Ordinal) };
    }

    /// <summary>The text written to disk.</summary>
    public string ToJson() => JsonSerializer.Serialize(this with { Format = CurrentFormat }, Options);
}
