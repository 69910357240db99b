using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>A short message about your progress (what <see cref="Course.ResetProgress"/> would forget, or forgot), shown in a box.</summary>
/// <param name="Title">The bold first words, e.g. "Nothing forgotten yet".</param>
/// <param name="Message">One or two sentences; <c>`code`</c> is shown as code.</param>
/// <param name="Details">More lines (the items concerned), or null.</param>
public sealed record ProgressNote(string Title, string Message, string? Details = null) : IHtmlContent
{
    /// <summary>Readable text: title, message and details.</summary>
    public override string ToString() => $"{Title}: {Message}" + (Details is null ? "" : "\n" + Details);

    /// <summary>Writes the box.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write(Box.Render("#5b7a99", Title, "progress", Html.Inline(Message), Details, "data-backendlab-progress=\"note\""));
}
