namespace BackendLab;

/// <summary>The labelled, coloured box that checks, hints, solutions and skipped steps are shown in.</summary>
internal static class Box
{
    /// <param name="colour">The accent colour (border and label).</param>
    /// <param name="label">Bold text at the top, e.g. "✓ Correct".</param>
    /// <param name="note">Small text beside the label (the exercise id).</param>
    /// <param name="bodyHtml">The message, already HTML.</param>
    /// <param name="preformatted">Extra text shown in monospace (details, code), or null.</param>
    /// <param name="attributes">Extra attributes for the outer div.</param>
    /// <param name="preformattedHtml">Monospace content that is already HTML (highlighted code), or null.</param>
    public static string Render(string colour, string label, string note, string bodyHtml, string? preformatted, string attributes = "", string? preformattedHtml = null)
    {
        var pre = preformattedHtml ?? (preformatted is null ? null : Html.Encode(preformatted));
        return $"<div {attributes} style=\"{Html.Font};border-left:4px solid {colour};background:{colour}1a;padding:6px 10px;margin:4px 0;border-radius:3px\">" +
               $"<div><b style=\"color:{colour}\">{Html.Encode(label)}</b> <span style=\"opacity:.7;font-size:11px\">{Html.Encode(note)}</span></div>" +
               $"<div style=\"margin-top:3px\">{bodyHtml}</div>" +
               (pre is null ? "" : $"<pre style=\"{Html.Mono};margin:6px 0 0;white-space:pre-wrap\">{pre}</pre>") +
               "</div>";
    }

    /// <summary>
    /// The grey "skipped" box: something this machine lacks, and how to get it. A skip is never a failure; the box
    /// carries <c>data-backendlab-skip="true"</c> so tools can count skips.
    /// </summary>
    /// <param name="label">What was skipped.</param>
    /// <param name="why">Why, as plain text.</param>
    /// <param name="how">What to run to get it, shown as code; or null.</param>
    public static string Skipped(string label, string why, string? how = null) =>
        Render("#8a8f98", "⏭ " + label, "skipped", Html.Encode(why), how, "data-backendlab-skip=\"true\"");
}
