using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourseRunner.Execution;

/// <summary>
/// One line of the worker's stdout (JSON lines): a cell started, a cell finished (its whole
/// result), a display was updated after its cell finished, or the notebook is done.
/// </summary>
internal sealed record WorkerEvent(
    string Event,
    int? Cell = null,
    CellResult? Result = null,
    string? DisplayId = null,
    Dictionary<string, string>? Data = null)
{
    public const string Started = "started", Finished = "finished", Updated = "updated", Done = "done";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToLine() => JsonSerializer.Serialize(this, Json);

    public static WorkerEvent? Parse(string line)
    {
        try { return JsonSerializer.Deserialize<WorkerEvent>(line, Json); }
        catch (JsonException) { return null; }
    }
}
