using System.Text;

namespace BackendLab;

/// <summary>
/// A request's journey as a row of boxes, one per stage (client → TCP → Kestrel → middleware → routing → handler → response),
/// each with its measured time, and a bar under each box whose length is that stage's share of the total.
/// <code>JourneyDiagram.Draw("GET /hello", [("TCP connect", 0.41), ("Kestrel", 0.12), ("handler", 20.3)])</code>
/// Lesson 4's <c>RequestJourney.Picture()</c> draws one from a measured request.
/// </summary>
public static class JourneyDiagram
{
    /// <summary>Draws the stages in order; <paramref name="stages"/> are names with their measured milliseconds.</summary>
    public static Picture Draw(string title, IEnumerable<(string Stage, double Ms)> stages)
    {
        var list = (stages ?? throw new ArgumentNullException(nameof(stages))).ToList();
        if (list.Count == 0) throw new ArgumentException("A journey needs at least one stage.", nameof(stages));
        var total = list.Sum(s => Math.Max(s.Ms, 0));
        const int boxW = 104, gap = 22, boxH = 44, top = 8;
        var width = list.Count * boxW + (list.Count - 1) * gap + 16;
        var svg = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            var (stage, ms) = list[i];
            var x = 8 + i * (boxW + gap);
            var share = total > 0 ? Math.Max(ms, 0) / total : 0;
            var colour = share >= 0.5 ? SvgText.Accent : SvgText.Box;
            svg.Append($"<g data-stage=\"{Html.Encode(stage)}\" data-ms=\"{SvgText.N(ms)}\">")
               .Append(SvgText.Rect(x, top, boxW, boxH, colour))
               .Append(SvgText.Text(x + boxW / 2.0, top + 18, stage, extra: "font-weight=\"600\""))
               .Append(SvgText.Text(x + boxW / 2.0, top + 35, SvgText.Ms(ms)))
               .Append(SvgText.Rect(x, top + boxH + 8, Math.Max(boxW * share, 1), 6, colour, 0.8))
               .Append(SvgText.Text(x + boxW / 2.0, top + boxH + 30, $"{share * 100:0} %", extra: "font-size=\"11\" fill-opacity=\".8\""))
               .Append("</g>");
            if (i < list.Count - 1) svg.Append(SvgText.Arrow(x + boxW + 2, top + boxH / 2.0, x + boxW + gap - 2, top + boxH / 2.0, SvgText.Ink));
        }
        var slowest = list.MaxBy(s => s.Ms);
        var alt = $"{list.Count} stages, {SvgText.Ms(total)} in all: " + string.Join(", ", list.Select(s => $"{s.Stage} {SvgText.Ms(s.Ms)}")) +
                  $". The slowest stage is {slowest.Stage} ({(total > 0 ? slowest.Ms / total * 100 : 0):0} % of the total).";
        return new Picture(title, alt, svg.ToString(), width, top + boxH + 40);
    }
}
