namespace CourseRunner.Formatting;

/// <summary>
/// Turns a value into MIME-typed content, by the kernel's rule: strings as <c>text/plain</c>,
/// everything else as <c>text/html</c>, unless display(...) names the MIME types.
/// </summary>
internal static class OutputFormatter
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    public static Dictionary<string, string> Format(object? value, IReadOnlyCollection<string>? mimeTypes = null)
    {
        if (mimeTypes is null || mimeTypes.Count == 0)
            mimeTypes = value is string ? [PlainText] : [Html];

        var data = new Dictionary<string, string>();
        foreach (var mime in mimeTypes)
        {
            data[mime] = mime switch
            {
                PlainText => PlainTextFormatter.Format(value),
                Html => HtmlFormatter.Format(value),
                // The kernel has more formatters (JSON, CSV...). The course needs none: fail loudly.
                _ => throw new NotSupportedException(
                    $"The course runner formats only {PlainText} and {Html}, not '{mime}'."),
            };
        }
        return data;
    }
}
