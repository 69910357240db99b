using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// A small, readable HTML table with a one-line legend per column under it, so prose can point at a number:
/// <code>new HtmlTable("Latency").Column("p99", "99 % of requests were faster than this").Row(12.5)</code>
/// Numbers are right-aligned and printed with at most 3 decimals (invariant culture, so "12.5" everywhere).
/// </summary>
public sealed class HtmlTable : IHtmlContent
{
    readonly List<(string Header, string? Legend)> _columns = [];
    readonly List<object?[]> _rows = [];

    /// <summary>Creates an empty table. <paramref name="caption"/> is shown above it (default: none).</summary>
    public HtmlTable(string? caption = null) => Caption = caption;

    /// <summary>The text shown above the table, or null for none.</summary>
    public string? Caption { get; }

    /// <summary>The number of rows added so far.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a column. <paramref name="legend"/> is one line printed under the table, e.g. "99 % of requests were faster than this".</summary>
    public HtmlTable Column(string header, string? legend = null) { _columns.Add((header ?? "", legend)); return this; }

    /// <summary>Adds a row: one cell per column, in column order. Numbers are right-aligned.</summary>
    public HtmlTable Row(params object?[] cells) { _rows.Add(cells ?? []); return this; }

    /// <summary>Formats a cell the way the table shows it: numbers with at most 3 decimals, durations in ms, null as "—".</summary>
    public static string Format(object? value) => value switch
    {
        null => "—",
        double d when !double.IsFinite(d) => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("#,0.###", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("#,0.###", CultureInfo.InvariantCulture),
        decimal m => m.ToString("#,0.###", CultureInfo.InvariantCulture),
        TimeSpan t => Durations.Format(t),
        DateTimeOffset t => t.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The table as HTML.</summary>
    public override string ToString()
    {
        const string cell = "padding:2px 10px;border-bottom:1px solid rgba(128,128,128,.35)";
        var html = new StringBuilder($"<div class=\"backendlab-table\" style=\"{Html.Font}\">");
        if (Caption is not null) html.Append($"<div style=\"font-weight:600;margin:4px 0\">{Html.Encode(Caption)}</div>");
        html.Append("<table style=\"border-collapse:collapse\"><thead><tr>");
        foreach (var (header, _) in _columns) html.Append($"<th style=\"{cell};text-align:left\">{Html.Encode(header)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < Math.Max(row.Length, _columns.Count); i++)
            {
                var value = i < row.Length ? row[i] : null;
                var align = IsNumber(value) ? "right" : "left";
                html.Append($"<td style=\"{cell};text-align:{align}\">{Html.Encode(Format(value))}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        foreach (var (header, legend) in _columns.Where(c => c.Legend is not null))
            html.Append($"<div style=\"opacity:.8;margin-top:2px\"><b>{Html.Encode(header)}</b> — {Html.Encode(legend)}</div>");
        return html.Append("</div>").ToString();
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(ToString());

    static bool IsNumber(object? value) => value is byte or short or int or long or float or double or decimal or TimeSpan;
}
