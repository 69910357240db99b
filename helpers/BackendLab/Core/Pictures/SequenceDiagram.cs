using System.Text;

namespace BackendLab;

/// <summary>One arrow of a <see cref="SequenceDiagram"/>: from one participant to another, labelled, with its measured time.</summary>
/// <param name="From">The sender, e.g. "client".</param>
/// <param name="To">The receiver, e.g. "server".</param>
/// <param name="Label">What travels, e.g. "GET /hello" or "200 OK, 12 bytes".</param>
/// <param name="Ms">How long this step took, in milliseconds, or null when it was not timed.</param>
public sealed record SequenceStep(string From, string To, string Label, double? Ms = null);

/// <summary>
/// A sequence diagram of an exchange: one lifeline per participant, one arrow per step top to bottom (connect, request,
/// response, keep-alive or close), each labelled with its measured time.
/// <code>
/// SequenceDiagram.Draw("One exchange", ["client", "server"],
///     new("client", "server", "TCP connect", 0.4), new("client", "server", "GET /", 0.1), new("server", "client", "200 OK", 1.2))
/// </code>
/// </summary>
public static class SequenceDiagram
{
    /// <summary>Draws <paramref name="steps"/> between <paramref name="participants"/> (left to right in this order).</summary>
    public static Picture Draw(string title, string[] participants, params SequenceStep[] steps)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(steps);
        if (participants.Length < 2) throw new ArgumentException("A sequence diagram needs at least two participants.", nameof(participants));
        foreach (var s in steps)
            if (!participants.Contains(s.From) || !participants.Contains(s.To))
                throw new ArgumentException($"Step \"{s.Label}\" goes from '{s.From}' to '{s.To}'; the participants are {string.Join(", ", participants)}.", nameof(steps));
        const int colW = 230, headH = 30, rowH = 38, margin = 20;
        var width = margin * 2 + colW * (participants.Length - 1) + 120;
        var height = headH + 20 + rowH * steps.Length + 10;
        double X(string p) => margin + 60 + Array.IndexOf(participants, p) * colW;
        var svg = new StringBuilder();
        foreach (var p in participants)
            svg.Append(SvgText.Rect(X(p) - 55, 4, 110, headH - 6, SvgText.Box)).Append(SvgText.Text(X(p), 22, p, extra: "font-weight=\"600\""))
               .Append($"<line x1=\"{SvgText.N(X(p))}\" y1=\"{headH}\" x2=\"{SvgText.N(X(p))}\" y2=\"{height - 4}\" stroke=\"{SvgText.Ink}\" stroke-dasharray=\"3 3\"/>");
        for (var i = 0; i < steps.Length; i++)
        {
            var s = steps[i];
            var y = headH + 30 + i * rowH;
            var back = X(s.To) < X(s.From);
            var label = s.Ms is { } ms ? $"{s.Label} · {SvgText.Ms(ms)}" : s.Label;
            svg.Append($"<g data-step=\"{i + 1}\">")
               .Append(SvgText.Text((X(s.From) + X(s.To)) / 2, y - 6, label))
               .Append(SvgText.Arrow(X(s.From), y, X(s.To), y, back ? SvgText.Accent : SvgText.Box, dashed: back))
               .Append("</g>");
        }
        var alt = $"{steps.Length} steps between {string.Join(" and ", participants)}: " +
                  string.Join("; ", steps.Select((s, i) => $"{i + 1}. {s.From} → {s.To}: {s.Label}{(s.Ms is { } ms ? $" ({SvgText.Ms(ms)})" : "")}")) + ".";
        return new Picture(title, alt, svg.ToString(), width, height);
    }
}
