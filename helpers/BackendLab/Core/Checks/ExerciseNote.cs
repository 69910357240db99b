using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>A hint or a solution, shown in a labelled box (from <see cref="Exercise.Hint"/> and <see cref="Exercise.Solution"/>).</summary>
public sealed class ExerciseNote : IHtmlContent
{
    readonly string _colour;

    ExerciseNote(string exercise, string label, string text, bool isCode, string colour) =>
        (Exercise, Label, Text, IsCode, _colour) = (exercise, label, text, isCode, colour);

    internal static ExerciseNote Hint(string exercise, string label, string text) => new(exercise, label, text, false, "#b58105");
    internal static ExerciseNote Code(string exercise, string label, string code) => new(exercise, label, code, true, "#3b6fb6");
    internal static ExerciseNote Missing(string exercise, string text) => new(exercise, "Solution", text, false, "#3b6fb6");

    /// <summary>The exercise id it belongs to.</summary>
    public string Exercise { get; }

    /// <summary>"Hint 1 of 3", "Solution"…</summary>
    public string Label { get; }

    /// <summary>The hint text, or the solution's code.</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> is code (a solution file).</summary>
    public bool IsCode { get; }

    /// <summary>Readable text: label, then the hint or code.</summary>
    public override string ToString() => $"{Label} ({Exercise}): {(IsCode ? "\n" : "")}{Text}";

    /// <summary>Writes the box.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write(IsCode
            ? Box.Render(_colour, Label, Exercise, "Try it on your own first; compare afterwards.", null, preformattedHtml: CodeHighlight.ToHtml(Text))
            : Box.Render(_colour, Label, Exercise, Html.Inline(Text), null));
}
