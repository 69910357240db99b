using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// Statements about measured numbers that a lesson's prose relies on, checked right after the measurement.
/// <c>Claim.All(("async is 5× faster", ratio >= 5), …)</c> shows a ✓ list when every statement holds, and throws
/// (failing the cell) listing ✓ and ✗ when one does not: the prose around it would then be wrong for this run.
/// Put the measured numbers into the statements, so the list reads as a result.
/// </summary>
public sealed class Claim : IHtmlContent
{
    readonly IReadOnlyList<(string Statement, bool Holds)> _claims;

    Claim(IReadOnlyList<(string, bool)> claims) => _claims = claims;

    /// <summary>The statements and whether each held.</summary>
    public IReadOnlyList<(string Statement, bool Holds)> Statements => _claims;

    /// <summary>Checks every statement; returns them for display if all hold, else throws <see cref="ClaimFailedException"/>.</summary>
    public static Claim All(params (string Statement, bool Holds)[] claims)
    {
        var claim = new Claim(claims);
        if (claims.Any(c => !c.Holds)) throw new ClaimFailedException(claim.ToString());
        return claim;
    }

    /// <summary>Checks one statement.</summary>
    public static Claim That(string statement, bool holds) => All((statement, holds));

    /// <summary>One line per statement, each starting ✓ or ✗.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (statement, holds) in _claims) text.Append(holds ? "✓ " : "✗ ").AppendLine(statement);
        return text.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write($"<div style=\"{Html.Font}\" data-backendlab-claim=\"{(_claims.All(c => c.Holds) ? "held" : "failed")}\">");
        foreach (var (statement, holds) in _claims)
            writer.Write($"<div><span style=\"color:{(holds ? "#2e9d4f" : "#d0393e")};font-weight:600\">{(holds ? "✓" : "✗")}</span> {Html.Inline(statement)}</div>");
        writer.Write("</div>");
    }
}

/// <summary>Thrown by <see cref="Claim.All"/> when a statement about a measurement did not hold in this run.</summary>
public sealed class ClaimFailedException(string claims)
    : Exception("A statement the lesson makes about this measurement did not hold in this run (the machine may be busy; run the cell again):\n" + claims);
