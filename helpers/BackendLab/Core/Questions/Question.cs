using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// A short concept question, auto-checked like an exercise: <c>Lesson00.Concepts.Q1.Check(answer: 'b')</c>,
/// <c>.Hint()</c>, <c>.Explanation()</c>. The starter cell passes <c>null</c> ("not attempted"); a check gives the same
/// Correct / Not yet boxes as exercises (<see cref="CheckResult"/>, marked <c>data-backendlab-check</c>) and records its
/// outcome in your progress with kind "question". Kinds: <see cref="ChoiceQuestion"/> (a letter) and
/// <see cref="NumberQuestion"/> (a number). Shown as a cell's value, a question shows itself.
/// </summary>
public abstract class Question : IHtmlContent
{
    /// <summary>Declares a question.</summary>
    /// <param name="id">"&lt;notebook&gt;/concepts-qN", e.g. "00-start-here/concepts-q1": the notebook, then the question's name.</param>
    /// <param name="prompt">The question itself; <c>`code`</c> shows as code.</param>
    /// <param name="explanation">Why the answer is right, shown once it is (and by <see cref="Explanation"/>).</param>
    /// <param name="hints">Hints from gentle to nearly the answer.</param>
    protected Question(string id, string prompt, string explanation, IEnumerable<string>? hints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        if (!id.Contains('/')) throw new ArgumentException($"A question id looks like \"00-start-here/concepts-q1\" (notebook/name); '{id}' has no '/'.", nameof(id));
        (Id, Prompt, ExplanationText, Hints) = (id, prompt, explanation ?? "", (hints ?? []).ToList());
    }

    /// <summary>The id, e.g. "00-start-here/concepts-q1"; a notebook cell tagged <c>question:concepts-q1</c> asks it.</summary>
    public string Id { get; }

    /// <summary>The question's name in its notebook, e.g. "concepts-q1".</summary>
    public string Name => Id[(Id.LastIndexOf('/') + 1)..];

    /// <summary>The notebook's file name without <c>.ipynb</c>, e.g. "00-start-here".</summary>
    public string Notebook => Id[..Id.LastIndexOf('/')];

    /// <summary>How a notebook reaches it: "00-start-here/concepts-q1" is <c>Lesson00.Concepts.Q1</c>.</summary>
    public string Handle
    {
        get
        {
            var name = string.Join('.', Name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            var lesson = Notebook.Split('-')[0];
            return lesson.Length >= 2 && char.IsAsciiDigit(lesson[0]) && char.IsAsciiDigit(lesson[1]) ? $"Lesson{lesson}.{name}" : name;
        }
    }

    /// <summary>The question itself.</summary>
    public string Prompt { get; }

    /// <summary>The hints, gentle first.</summary>
    public IReadOnlyList<string> Hints { get; }

    /// <summary>Why the answer is right.</summary>
    protected string ExplanationText { get; }

    /// <summary>What to write in place of <c>null</c>, e.g. "a letter: 'a', 'b' or 'c'".</summary>
    protected abstract string AnswerForm { get; }

    /// <summary>An example call, e.g. <c>Lesson00.Concepts.Q1.Check(answer: 'a')</c>.</summary>
    protected abstract string ExampleCall { get; }

    /// <summary>The question as plain text: the prompt (without its code backticks) and, for a choice, its lettered choices.</summary>
    public string Text => Prompt.Replace("`", "") + (Options.Length == 0 ? "" : "\n" + Options);

    /// <summary>The lettered choices, one per line ("  a) …"), or "" for a question that wants a number.</summary>
    protected virtual string Options => "";

    /// <summary>Shows hint number <paramref name="n"/> (default: the first) and says whether another one follows.</summary>
    public ExerciseNote Hint(int n = 1)
    {
        if (Hints.Count == 0) return ExerciseNote.Hint(Id, "Hint", "There are no hints for this one: re-read the question and the lesson's last section.");
        if (n < 1 || n > Hints.Count) return ExerciseNote.Hint(Id, "Hint", $"This question has {Hints.Count} hint{(Hints.Count == 1 ? "" : "s")}: try `{Handle}.Hint({Math.Clamp(n, 1, Hints.Count)})`.");
        return ExerciseNote.Hint(Id, $"Hint {n} of {Hints.Count}", Hints[n - 1] + (n < Hints.Count ? $" (More: `{Handle}.Hint({n + 1})`.)" : ""));
    }

    /// <summary>The answer and why it is right. Try the question first!</summary>
    public ExerciseNote Explanation() => ExerciseNote.Hint(Id, "Explanation", ExplanationText);

    /// <summary>The verdict for "no answer yet", with the question repeated under it.</summary>
    protected CheckResult NotAttempted() => Deliver(new CheckResult(CheckOutcome.NotAttempted, Id,
        $"No answer yet: write {AnswerForm} in place of `null`, e.g. `{ExampleCall}`, and run the cell again. Stuck? `{Handle}.Hint()`.", Text));

    /// <summary>The verdict "correct", with the explanation under it.</summary>
    protected CheckResult Correct(string message) => Deliver(new CheckResult(CheckOutcome.Correct, Id, message, ExplanationText));

    /// <summary>The verdict "incorrect": says what was answered, never the answer.</summary>
    protected CheckResult Wrong(string message) => Deliver(new CheckResult(CheckOutcome.Incorrect, Id,
        $"{message} Think again, or ask `{Handle}.Hint()`.", Text));

    /// <summary>Records the verdict in the learner's progress (kind "question"); never throws.</summary>
    static CheckResult Deliver(CheckResult result)
    {
        ProgressLog.Record(result.Exercise, "question", result.Outcome);
        return result;
    }

    /// <summary>"Lesson00.Concepts.Q1: the prompt".</summary>
    public override string ToString() => $"{Handle}: {Text}";

    /// <summary>Shows the question in a box, with how to answer it.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) =>
        writer.Write(Box.Render("#3b6fb6", "❓ Concept question", Id, Html.Inline($"{Prompt} Answer with `{ExampleCall}`."), Options.Length == 0 ? null : Options,
            $"data-backendlab-question=\"{Html.Encode(Id)}\""));
}
