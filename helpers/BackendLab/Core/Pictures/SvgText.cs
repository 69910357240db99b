using System.Globalization;

namespace BackendLab;

/// <summary>Small SVG pieces the diagrams share; colours readable on VS Code's light and dark themes.</summary>
internal static class SvgText
{
    public const string Ink = "#6e7781", Box = "#3b6fb6", Accent = "#d97706";

    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds as the course writes them: 0.213 ms, 20.4 ms, 1,532 ms.</summary>
    public static string Ms(double ms) => Durations.Format(TimeSpan.FromMilliseconds(ms));

    public static string Text(double x, double y, string text, string anchor = "middle", string extra = "") =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"currentColor\" {extra}>{Html.Encode(text)}</text>";

    public static string Rect(double x, double y, double w, double h, string colour, double opacity = 0.18) =>
        $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" rx=\"4\" fill=\"{colour}\" fill-opacity=\"{N(opacity)}\" stroke=\"{colour}\"/>";

    public static string Arrow(double x1, double y1, double x2, double y2, string colour, bool dashed = false)
    {
        var (dx, dy) = (x2 - x1, y2 - y1);
        var length = Math.Max(Math.Sqrt(dx * dx + dy * dy), 1);
        var (ux, uy) = (dx / length, dy / length);
        var (bx, by) = (x2 - 8 * ux, y2 - 8 * uy);
        return $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(bx)}\" y2=\"{N(by)}\" stroke=\"{colour}\" stroke-width=\"1.5\"{(dashed ? " stroke-dasharray=\"4 3\"" : "")}/>" +
               $"<polygon points=\"{N(x2)},{N(y2)} {N(bx - 4 * uy)},{N(by + 4 * ux)} {N(bx + 4 * uy)},{N(by - 4 * ux)}\" fill=\"{colour}\"/>";
    }
}
