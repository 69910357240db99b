using System.Collections;

namespace CourseRunner.Formatting;

/// <summary><c>text/plain</c>: the string itself, <c>&lt;null&gt;</c>, or a short list for sequences.</summary>
internal static class PlainTextFormatter
{
    public const string Null = "<null>";

    public static string Format(object? value) => value switch
    {
        null => Null,
        string s => s,
        IEnumerable sequence when !ValueKinds.IsScalar(value) =>
            "[ " + string.Join(", ", sequence.Cast<object?>().Take(HtmlFormatter.MaxRows).Select(Format)) +
            (sequence.Cast<object?>().Skip(HtmlFormatter.MaxRows).Any() ? ", ... ]" : " ]"),
        _ => value.ToString() ?? "",
    };
}
