using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// The verdict of <c>qN.Check(…)</c>: a coloured box saying Correct, "Not yet — incorrect" or "Not yet — not attempted",
/// with a message that names what differs. Its HTML carries <c>data-backendlab-check="correct|incorrect|not-attempted"</c>
/// so the course runner can read it.
/// </summary>
/// <param name="Outcome">Correct, Incorrect or NotAttempted.</param>
/// <param name="Exercise">The exercise id, e.g. "01-backend-basics/q1".</param>
/// <param name="Message">What the check found, in one or two sentences; <c>`code`</c> is shown as code.</param>
/// <param name="Details">More lines (each request that was sent…), or null.</param>
public sealed record CheckResult(CheckOutcome Outcome, string Exercise, string Message, string? Details = null) : IHtmlContent
{
    /// <summary>True when <see cref="Outcome"/> is <see cref="CheckOutcome.Correct"/>.</summary>
    public bool IsCorrect => Outcome == CheckOutcome.Correct;

    /// <summary>The value of the HTML attribute <c>data-backendlab-check</c>: "correct", "incorrect" or "not-attempted".</summary>
    public string Attribute => Outcome switch
    {
        CheckOutcome.Correct => "correct",
        CheckOutcome.Incorrect => "incorrect",
        _ => "not-attempted",
    };

    /// <summary>The label shown in the box: "Correct", "Not yet — incorrect" or "Not yet — not attempted".</summary>
    public string Label => Outcome switch
    {
        CheckOutcome.Correct => "Correct",
        CheckOutcome.Incorrect => "Not yet — incorrect",
        _ => "Not yet — not attempted",
    };

    /// <summary>Readable text: label, exercise, message and details.</summary>
    public override string ToString() => $"{Label} ({Exercise}): {Message}" + (Details is null ? "" : "\n" + Details);

    /// <summary>Writes the coloured box.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var (colour, mark) = Outcome switch
        {
            CheckOutcome.Correct => ("#2e9d4f", "✓"),
            CheckOutcome.Incorrect => ("#d0393e", "✗"),
            _ => ("#5b7a99", "…"),
        };
        writer.Write(Box.Render(colour, $"{mark} {Label}", Exercise, Html.Inline(Message), Details,
            $"data-backendlab-check=\"{Attribute}\""));
    }
}
