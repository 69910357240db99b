namespace BackendLab;

/// <summary>The grey "skipped" box: something this machine lacks, and how to get it. A skip is never a failure.</summary>
internal static class Skip
{
    /// <summary>The box's HTML; it carries <c>data-backendlab-skip="true"</c> so tools can count skips.</summary>
    /// <param name="label">What was skipped.</param>
    /// <param name="why">Why, as plain text.</param>
    /// <param name="how">What to run to get it, shown as code; or null.</param>
    public static string Box(string label, string why, string? how = null) =>
        BackendLab.Box.Render("#8a8f98", "⏭ " + label, "skipped", Html.Encode(why), how, "data-backendlab-skip=\"true\"");
}
