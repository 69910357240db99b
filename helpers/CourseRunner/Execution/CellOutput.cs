using System.Text;
using System.Text.Json.Serialization;

namespace CourseRunner.Execution;

/// <summary>What a cell shows, in the kernel's three kinds: console text, values, failures.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StreamOutput), "stream")]
[JsonDerivedType(typeof(DataOutput), "data")]
[JsonDerivedType(typeof(ErrorOutput), "error")]
internal abstract class CellOutput;

/// <summary>Console text: <c>stdout</c> or <c>stderr</c>. Consecutive writes to one stream are merged.</summary>
internal sealed class StreamOutput : CellOutput
{
    private readonly StringBuilder _text = new();

    public required string Name { get; init; }

    public string Text { get => _text.ToString(); init => _text.Append(value); }

    internal void Append(string text) => _text.Append(text);
}

/// <summary>A value: <c>display(...)</c> (display_data) or the cell's own value (execute_result).</summary>
internal sealed class DataOutput : CellOutput
{
    public bool IsResult { get; init; }

    /// <summary>Set for display(...) outputs, so <c>DisplayedValue.Update</c> can find them.</summary>
    public string? DisplayId { get; init; }

    /// <summary>MIME type → content: <c>text/plain</c> and/or <c>text/html</c>.</summary>
    public required Dictionary<string, string> Data { get; set; }
}

/// <summary>A failed cell: compile errors, <c>exception.ToString()</c>, or a runner verdict (timeout, magic).</summary>
internal sealed class ErrorOutput : CellOutput
{
    public required string Message { get; init; }
}
