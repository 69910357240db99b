using System.Globalization;
using System.Text;

namespace BackendLab;

/// <summary>One box of a <see cref="TopologyDiagram"/>: a client, a proxy, an instance or a store, with the requests it handled.</summary>
/// <param name="Name">e.g. "proxy", "instance A", "Redis".</param>
/// <param name="Tier">Its column, left to right: 0 clients, 1 proxy, 2 instances, 3 stores (any numbers work).</param>
/// <param name="Requests">Requests it handled in the run, or null when not counted.</param>
public sealed record TopologyNode(string Name, int Tier, long? Requests = null);

/// <summary>
/// A topology: boxes in columns (client → proxy → instances → store), arrows between them, and the request count measured
/// at each box, with a bar showing its share of its column.
/// <code>
/// TopologyDiagram.Draw("Two instances behind a proxy",
///     [new("client", 0, 200), new("proxy", 1, 200), new("instance A", 2, 101), new("instance B", 2, 99), new("SQLite", 3, 200)],
///     [("client", "proxy"), ("proxy", "instance A"), ("proxy", "instance B"), ("instance A", "SQLite"), ("instance B", "SQLite")])
/// </code>
/// </summary>
public static class TopologyDiagram
{
    /// <summary>Draws the nodes in columns by <see cref="TopologyNode.Tier"/> and an arrow for each link.</summary>
    public static Picture Draw(string title, TopologyNode[] nodes, (string From, string To)[] links)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        if (nodes.Length == 0) throw new ArgumentException("A topology needs at least one node.", nameof(nodes));
        var tiers = nodes.Select(n => n.Tier).Distinct().Order().ToList();
        const int boxW = 130, boxH = 52, colGap = 70, rowGap = 18;
        var rows = nodes.GroupBy(n => n.Tier).Max(g => g.Count());
        var (width, height) = (tiers.Count * boxW + (tiers.Count - 1) * colGap + 20, rows * boxH + (rows - 1) * rowGap + 20);
        var at = new Dictionary<string, (double X, double Y)>();
        foreach (var group in nodes.GroupBy(n => n.Tier))
        {
            var list = group.ToList();
            var column = tiers.IndexOf(group.Key);
            var offset = (height - (list.Count * boxH + (list.Count - 1) * rowGap)) / 2.0;
            for (var i = 0; i < list.Count; i++) at[list[i].Name] = (10 + column * (boxW + colGap), offset + i * (boxH + rowGap));
        }
        var svg = new StringBuilder();
        foreach (var (from, to) in links)
        {
            if (!at.TryGetValue(from, out var a) || !at.TryGetValue(to, out var b))
                throw new ArgumentException($"The link {from} → {to} names a node that is not in the diagram.", nameof(links));
            svg.Append(SvgText.Arrow(a.X + boxW, a.Y + boxH / 2.0, b.X - 2, b.Y + boxH / 2.0, SvgText.Ink));
        }
        foreach (var node in nodes)
        {
            var (x, y) = at[node.Name];
            var columnTotal = nodes.Where(n => n.Tier == node.Tier).Sum(n => n.Requests ?? 0);
            var share = node.Requests is { } r && columnTotal > 0 ? (double)r / columnTotal : 0;
            svg.Append($"<g data-node=\"{Html.Encode(node.Name)}\" data-requests=\"{node.Requests?.ToString(CultureInfo.InvariantCulture) ?? ""}\">")
               .Append(SvgText.Rect(x, y, boxW, boxH, SvgText.Box))
               .Append(SvgText.Text(x + boxW / 2.0, y + 19, node.Name, extra: "font-weight=\"600\""))
               .Append(SvgText.Text(x + boxW / 2.0, y + 36, node.Requests is { } n ? $"{n.ToString("#,0", CultureInfo.InvariantCulture)} requests" : "—"));
            if (node.Requests is not null) svg.Append(SvgText.Rect(x + 6, y + boxH - 9, Math.Max((boxW - 12) * share, 1), 4, SvgText.Accent, 0.85));
            svg.Append("</g>");
        }
        var alt = string.Join(", ", nodes.Select(n => n.Requests is { } r ? $"{n.Name} handled {r.ToString("#,0", CultureInfo.InvariantCulture)} requests" : n.Name)) +
                  "; links: " + string.Join(", ", links.Select(l => $"{l.From} → {l.To}")) + ".";
        return new Picture(title, alt, svg.ToString(), width, height);
    }
}
