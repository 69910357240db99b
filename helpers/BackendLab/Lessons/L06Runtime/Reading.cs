using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L06Runtime;

/// <summary>
/// Sentences that read this run's numbers aloud, generated from them (so they cannot contradict the run): lesson 6's
/// <see cref="RuntimeReadings"/> return one. Shows as a short paragraph headed "This run:".
/// </summary>
/// <param name="Sentences">The sentences, each ending with its full stop.</param>
public sealed record Reading(IReadOnlyList<string> Sentences) : IHtmlContent
{
    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write($"<p style=\"{Html.Font};max-width:60em\" data-backendlab-reading=\"generated\"><b>This run:</b> {Html.Encode(ToString())}</p>");

    /// <summary>The sentences as one paragraph.</summary>
    public override string ToString() => string.Join(" ", Sentences);
}
