using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L00StartHere;

/// <summary>
/// One line of a setup check: ✔ and what was found, or ✘, what was found and how to fix it.
/// Its HTML carries <c>data-backendlab-setup="ok"</c> or <c>"failed"</c>, which the course's notebook tests read.
/// </summary>
/// <param name="Ok">True when the check passed.</param>
/// <param name="What">What was checked and found.</param>
/// <param name="Fix">What to do when it failed, or null.</param>
public sealed record SetupLine(bool Ok, string What, string? Fix = null) : IHtmlContent
{
    /// <summary>The line as text, e.g. <c>✔ cores: 2</c> or <c>✘ SDK: … — install the .NET 10 SDK</c>.</summary>
    public override string ToString() => Ok ? $"✔ {What}" : $"✘ {What}{(Fix is null ? "" : " — " + Fix)}";

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var (mark, color, outcome) = Ok ? ("✔", "#1a7f37", "ok") : ("✘", "#cf222e", "failed");
        writer.Write($"<div data-backendlab-setup=\"{outcome}\" style=\"{Html.Font}\"><b style=\"color:{color}\">{mark}</b> {Html.Encode(What)}");
        if (!Ok && Fix is not null) writer.Write($" <span style=\"color:{color}\">— {Html.Encode(Fix)}</span>");
        writer.Write("</div>");
    }
}
