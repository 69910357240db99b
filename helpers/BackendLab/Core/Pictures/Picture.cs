using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// A diagram drawn as SVG from a run's own numbers (no network, no script: it shows the same in VS Code, in a saved notebook
/// and on the course's site). Its <see cref="AltText"/> holds the key numbers in words, for screen readers and for prose:
/// it is the SVG's <c>&lt;title&gt;</c> and <c>aria-label</c>, and the caption under it.
/// Drawn by <see cref="JourneyDiagram"/>, <see cref="SequenceDiagram"/> and <see cref="TopologyDiagram"/>.
/// </summary>
public sealed class Picture : IHtmlContent
{
    internal Picture(string title, string altText, string svgBody, int width, int height) =>
        (Title, AltText, Svg) = (title, altText,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" " +
            $"aria-label=\"{Html.Encode(altText)}\" style=\"max-width:100%;height:auto;font-family:system-ui,sans-serif;font-size:12px\">" +
            $"<title>{Html.Encode(altText)}</title>{svgBody}</svg>");

    /// <summary>What the picture shows, e.g. "The journey of one request".</summary>
    public string Title { get; }

    /// <summary>The picture in words, with its key numbers.</summary>
    public string AltText { get; }

    /// <summary>The SVG markup.</summary>
    public string Svg { get; }

    /// <summary>The title and the text alternative.</summary>
    public override string ToString() => $"{Title}: {AltText}";

    /// <summary>Writes a figure: the title, the SVG, and the text alternative as its caption.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write($"<figure class=\"backendlab-picture\" data-backendlab-picture=\"{Html.Encode(Title)}\" style=\"{Html.Font};margin:6px 0\">" +
                     $"<div style=\"font-weight:600;margin:4px 0\">{Html.Encode(Title)}</div>{Svg}" +
                     $"<figcaption style=\"opacity:.8;margin-top:2px\">{Html.Encode(AltText)}</figcaption></figure>");
}
