using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;

namespace BackendLab;

/// <summary>Small pieces every BackendLab display shares: safe text and safe JSON inside HTML.</summary>
internal static class Html
{
    /// <summary>Text made safe to put between tags or inside a quoted attribute.</summary>
    public static string Encode(string? text) => Text.Encode(text ?? "");

    // Leaves letters of every script (and ␍ ␊ ✓) readable in the HTML source; still encodes < > & ' " and control characters.
    static readonly HtmlEncoder Text = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes <paramref name="text"/> and shows each <c>`part`</c> in backticks as code.</summary>
    public static string Inline(string? text) =>
        System.Text.RegularExpressions.Regex.Replace(Encode(text), "`([^`]+)`", "<code style=\"" + Mono + "\">$1</code>");

    // The default encoder writes < > & ' " as \u003C … so "</script>" can never close the script tag.
    static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>A value as JSON that is safe to place inside a <c>&lt;script&gt;</c> element.</summary>
    public static string ScriptJsonOf<T>(T value) => JsonSerializer.Serialize(value, ScriptJson);

    /// <summary>A new id for an HTML element, unique across outputs (saved notebooks keep old outputs).</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>The font stack used by every BackendLab box (readable in VS Code's light and dark themes).</summary>
    public const string Font = "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px";

    /// <summary>The monospace font stack for code and wire text.</summary>
    public const string Mono = "font-family:ui-monospace,'Cascadia Code',Menlo,Consolas,monospace;font-size:12px";
}
