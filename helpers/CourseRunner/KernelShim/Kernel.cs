using Microsoft.AspNetCore.Html;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The course runner's version of the .NET Interactive kernel's static helpers. Every notebook
/// starts with <c>using static Microsoft.DotNet.Interactive.Kernel;</c>, so cells can call
/// <see cref="display"/> and <see cref="HTML"/> directly.
/// </summary>
public static class Kernel
{
    /// <summary>
    /// Shows <paramref name="value"/> below the running cell. Strings appear as plain text,
    /// everything else as HTML; pass MIME types (e.g. <c>"text/plain"</c>) to choose.
    /// </summary>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces what was shown.</returns>
#pragma warning disable IDE1006 // the kernel's name, lower case
    public static DisplayedValue display(object? value, params string[] mimeTypes) =>
        DisplayHost.Display(value, mimeTypes);
#pragma warning restore IDE1006

    /// <summary>Marks <paramref name="content"/> as HTML, to be shown as is.</summary>
    public static IHtmlContent HTML(string content) => new HtmlString(content);
}
