using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// Statements about measured numbers that a lesson's prose relies on, checked right after the measurement.
/// <c>Claim.All(("async is 5× faster", ratio >= 5), …)</c> shows a ✓ list when every statement holds. When one does not,
/// the cell still completes: it shows what was measured, which statement did not hold, and the likely reasons on this
/// machine — the server's cores and how busy other programs kept the machine — given with
/// <c>.On(cores: lab.Cores, load: load)</c>. Put the measured numbers into the statements, so the list reads as a result.
/// The HTML carries <c>data-backendlab-claim="held"</c> or <c>"not-held"</c>, which the course runner counts (in CI a claim
/// that does not hold fails the run: the prose around it would be wrong). Introduced in lesson 6.
/// </summary>
public sealed class Claim : IHtmlContent
{
    Claim(IReadOnlyList<(string, bool)> statements, int? cores, MachineLoad? load) =>
        (Statements, Cores, Load) = (statements, cores, load);

    /// <summary>The statements and whether each held.</summary>
    public IReadOnlyList<(string Statement, bool Holds)> Statements { get; }

    /// <summary>True when every statement held.</summary>
    public bool Holds => Statements.All(s => s.Holds);

    /// <summary>The statements that did not hold.</summary>
    public IEnumerable<string> NotHeld => Statements.Where(s => !s.Holds).Select(s => s.Statement);

    /// <summary>The cores the measured server had (from <see cref="On"/>), or null when not given.</summary>
    public int? Cores { get; }

    /// <summary>How busy other programs kept the machine during the measurement (from <see cref="On"/>), or null when not given.</summary>
    public MachineLoad? Load { get; }

    /// <summary>Checks every statement. Never throws: a statement that does not hold is shown with the likely reasons.</summary>
    public static Claim All(params (string Statement, bool Holds)[] statements) => new(statements, null, null);

    /// <summary>Checks every statement of a list (e.g. one a lesson's claims function generated).</summary>
    public static Claim All(IEnumerable<(string Statement, bool Holds)> statements) => new([.. statements], null, null);

    /// <summary>Checks one statement.</summary>
    public static Claim That(string statement, bool holds) => All((statement, holds));

    /// <summary>
    /// The same claim, with the machine it was measured on: <paramref name="cores"/> the server really had (e.g.
    /// <c>lab.Cores</c>) and the <paramref name="load"/> sampled during the measurement. Both appear among the reasons
    /// shown when a statement does not hold.
    /// </summary>
    public Claim On(int cores, MachineLoad? load = null) => new(Statements, cores, load?.Stop());

    /// <summary>
    /// The likely reasons on this machine, shown when a statement does not hold: the server's cores and the machine's load.
    /// </summary>
    public IReadOnlyList<string> Reasons()
    {
        var reasons = new List<string>();
        reasons.Add(Cores is { } c
            ? $"the server had {c} {(c == 1 ? "core" : "cores")} (this machine has {Environment.ProcessorCount}): a statement about scaling depends on it"
            : $"this machine has {Environment.ProcessorCount} {(Environment.ProcessorCount == 1 ? "core" : "cores")} (the server's own cores were not given)");
        reasons.Add(Load?.ToString() ?? "how busy other programs kept the machine was not measured");
        reasons.Add("a measurement lasts a second or two: a pause of the machine (another program starting, a garbage collection) shows in it; run the measurement cell and this one again");
        return reasons;
    }

    /// <summary>One line per statement, each starting ✓ or ✗; then, if one did not hold, the reasons.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (statement, holds) in Statements) text.Append(holds ? "✓ " : "✗ ").AppendLine(statement);
        if (!Holds)
        {
            text.AppendLine("Not held on this run. Likely reasons on this machine:");
            foreach (var reason in Reasons()) text.Append("- ").AppendLine(reason);
        }
        return text.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var held = Holds;
        writer.Write($"<div style=\"{Html.Font}\" data-backendlab-claim=\"{(held ? "held" : "not-held")}\">");
        foreach (var (statement, holds) in Statements)
            writer.Write($"<div data-backendlab-statement=\"{(holds ? "held" : "not-held")}\"><span style=\"color:{(holds ? "#2e9d4f" : "#d0393e")};font-weight:600\">{(holds ? "✓" : "✗")}</span> {Html.Inline(statement)}</div>");
        if (!held)
        {
            writer.Write("<div style=\"margin-top:6px;padding:4px 8px;border-left:3px solid #d0393e;background:#d0393e14\">");
            writer.Write("<div><b>Not held on this run</b>: the lesson's prose about this measurement does not describe what your machine just did. Likely reasons on this machine:</div><ul style=\"margin:2px 0\">");
            foreach (var reason in Reasons()) writer.Write($"<li>{Html.Inline(reason)}</li>");
            writer.Write("</ul></div>");
        }
        writer.Write("</div>");
    }
}
