using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>One line of <see cref="CourseProgress"/>: an item of the course and what was recorded about it (null: never checked).</summary>
/// <param name="Item">The exercise (or question).</param>
/// <param name="Entry">Its record, or null when it was never checked.</param>
/// <param name="Link">A relative link to its notebook, e.g. <c>01-backend-basics.ipynb</c>.</param>
public sealed record ProgressRow(CourseItem Item, ProgressEntry? Entry, string Link)
{
    /// <summary>True when a check said Correct at least once.</summary>
    public bool IsDone => Entry?.EverCorrect == true;
}

/// <summary>
/// What <see cref="Course.Progress"/> shows: every exercise of every lesson, done or not yet, with its last check and a
/// link to its notebook, under a summary line such as "7 of 14 exercises done". When progress is off it says so, and why.
/// </summary>
public sealed class CourseProgress : IHtmlContent
{
    internal CourseProgress(IReadOnlyList<ProgressRow> rows, string? file, string? offBecause, string? problem) =>
        (Rows, File, OffBecause, Problem) = (rows, file, offBecause, problem);

    /// <summary>Every item, in lesson order.</summary>
    public IReadOnlyList<ProgressRow> Rows { get; }

    /// <summary>The progress file on this computer, or null when progress is off.</summary>
    public string? File { get; }

    /// <summary>Why progress is off (e.g. <c>BACKENDLAB_PROGRESS=off</c>), or null when it is on.</summary>
    public string? OffBecause { get; }

    /// <summary>True when checks record their outcome here.</summary>
    public bool IsOn => OffBecause is null;

    /// <summary>A one-line problem with the file (unreadable, corrupt), or null.</summary>
    public string? Problem { get; }

    /// <summary>How many items are done.</summary>
    public int Done => Rows.Count(r => r.IsDone);

    /// <summary>"7 of 14 exercises done" (one part per kind of item), or "progress is off" when it is.</summary>
    public string Summary => !IsOn
        ? $"Progress is off here; the course has {string.Join(" and ", Kinds().Select(g => Plural(g.Count(), g.Key)))}."
        : string.Join(", ", Kinds().Select(g => $"{g.Count(r => r.IsDone)} of {Plural(g.Count(), g.Key)} done"));

    // Exercises first, then questions, then any other kind.
    IEnumerable<IGrouping<string, ProgressRow>> Kinds() =>
        Rows.GroupBy(r => r.Item.Kind).OrderBy(g => g.Key switch { "exercise" => 0, "question" => 1, _ => 2 });

    static string Plural(int count, string kind) => $"{count} {kind}{(count == 1 ? "" : "s")}";

    /// <summary>Readable text: the summary, then one line per item.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Summary).AppendLine();
        if (!IsOn) return text.Append(OffBecause).ToString();
        foreach (var row in Rows)
            text.AppendLine($"{(row.IsDone ? "✓ done " : "  not yet")}  {row.Item.Handle,-12} {row.Item.Title}  ({LastCheck(row.Entry)}; {row.Link})");
        return text.ToString();
    }

    /// <summary>Writes the table (or the "progress is off" box).</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (!IsOn)
        {
            writer.Write(Box.Render("#5b7a99", "Progress is off here", "progress", Html.Inline(
                $"{Summary} Checks record nothing in this process because {OffBecause} " +
                "In VS Code, `Course.Progress()` lists which exercises you have done."), null, "data-backendlab-progress=\"off\""));
            return;
        }
        const string cell = "padding:2px 10px;border-bottom:1px solid rgba(128,128,128,.35);text-align:left";
        const string tight = cell + ";white-space:nowrap";
        var html = new StringBuilder($"<div class=\"backendlab-progress\" data-backendlab-progress=\"on\" style=\"{Html.Font}\">");
        html.Append($"<div style=\"font-weight:600;margin:4px 0\">Your progress: {Html.Encode(Summary)}</div>");
        if (Problem is not null) html.Append($"<div style=\"color:#d0393e;margin:4px 0\">⚠ {Html.Encode(Problem)} The next check replaces it and keeps the old file as <code>progress.json.corrupt</code>.</div>");
        html.Append("<table style=\"border-collapse:collapse\"><thead><tr>");
        foreach (var header in new[] { "lesson", "exercise", "status", "last check", "notebook" }) html.Append($"<th style=\"{cell}\">{header}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            var status = row.IsDone ? "<b style=\"color:#2e9d4f\">✓ done</b>" : "<span style=\"opacity:.75\">not yet</span>";
            html.Append($"<tr data-backendlab-item=\"{Html.Encode(row.Item.Id)}\" data-backendlab-done=\"{(row.IsDone ? "true" : "false")}\">")
                .Append($"<td style=\"{cell}\">{row.Item.Lesson?.ToString(CultureInfo.InvariantCulture) ?? "—"}</td>")
                .Append($"<td style=\"{cell}\"><code style=\"{Html.Mono}\">{Html.Encode(row.Item.Handle)}</code> {Html.Encode(row.Item.Title)}</td>")
                .Append($"<td style=\"{tight}\">{status}</td>")
                .Append($"<td style=\"{tight}\">{Html.Encode(LastCheck(row.Entry))}</td>")
                .Append($"<td style=\"{tight}\"><a href=\"{Html.Encode(row.Link)}\">{Html.Encode(row.Item.Notebook)}</a></td></tr>");
        }
        html.Append("</tbody></table>");
        html.Append($"<div style=\"opacity:.8;margin-top:4px\">Kept on this computer only, in <code style=\"{Html.Mono}\">{Html.Encode(File)}</code>; never sent anywhere. " +
                    "<b>done</b>: a check said Correct at least once (a later try does not undo it). <b>last check</b>: the most recent outcome. " +
                    $"<code style=\"{Html.Mono}\">Course.ResetProgress()</code> forgets it all.</div>");
        writer.Write(html.Append("</div>").ToString());
    }

    /// <summary>"correct, 29 Nov 14:30 (3 checks)" or "never checked".</summary>
    internal static string LastCheck(ProgressEntry? entry) => entry is null
        ? "never checked"
        : $"{Outcome(entry.Last)}, {entry.LastAt.ToLocalTime().ToString("d MMM HH:mm", CultureInfo.InvariantCulture)}" +
          $" ({entry.Attempts} check{(entry.Attempts == 1 ? "" : "s")})";

    static string Outcome(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Correct => "correct",
        CheckOutcome.Incorrect => "incorrect",
        _ => "not attempted",
    };
}
