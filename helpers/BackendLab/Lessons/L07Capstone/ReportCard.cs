using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// The capstone's report card (lesson 7): every step's last check on this machine, as one table (the verdict in words,
/// what the check measured) and one chart (each step's measured number beside what it required).
/// In a notebook: <c>Lesson07.ReportCard()</c>.
/// </summary>
public sealed class ReportCard : IHtmlContent
{
    static readonly ConcurrentDictionary<int, StepResult> Results = new();

    ReportCard(IReadOnlyList<StepResult> steps) => Steps = steps;

    /// <summary>Every step, in order; a step never checked has outcome null.</summary>
    public IReadOnlyList<StepResult> Steps { get; }

    /// <summary>How many steps' last check said Correct.</summary>
    public int Correct => Steps.Count(s => s.Outcome == CheckOutcome.Correct && !s.UsedReference);

    internal static async Task<CheckResult> Record(int step, Func<StepNumbers?> numbers, Task<CheckResult> check)
    {
        var result = await check;
        Results[step] = new StepResult(step, "", result.Outcome, result.Message, numbers(), false);
        return result;
    }

    internal static void UsedReference(int step) =>
        Results[step] = new StepResult(step, "", null, "continued from BackendLab's reference", null, true);

    internal static ReportCard Now(IReadOnlyList<Exercise> steps) =>
        new([.. steps.Select((e, i) => Results.TryGetValue(i + 1, out var r) ? r with { Title = e.Title } : new StepResult(i + 1, e.Title, null, "not checked yet", null, false))]);

    /// <summary>The table and the chart.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var table = new HtmlTable($"Capstone report card: {Correct} of {Steps.Count} steps correct on this machine ({Environment.ProcessorCount} cores)")
            .Column("step").Column("what").Column("result", "correct, not yet, not attempted, reference used (you continued from BackendLab's piece) or not checked")
            .Column("measured", "the step's own number from its last check").Column("required", "what that number had to be")
            .Column("what the check saw");
        foreach (var s in Steps)
            table.Row(s.Step, s.Title, s.Status, s.Numbers is { } n ? $"{n.Measured:#,0.#} {n.What}" : "—", s.Numbers is { } r ? $"{r.Required:#,0.#}" : "—", s.Message);
        table.WriteTo(writer, encoder);
        var measured = Steps.Where(s => s.Numbers is not null).ToList();
        Chart.Bar("Each step's measured number beside what it required (units in the table)")
            .Add("measured", measured.Select(s => $"{s.Step}. {s.Numbers!.What}"), measured.Select(s => s.Numbers!.Measured))
            .Add("required", measured.Select(s => $"{s.Step}. {s.Numbers!.What}"), measured.Select(s => s.Numbers!.Required))
            .WriteTo(writer, encoder);
    }

    /// <summary>One line per step.</summary>
    public override string ToString() => string.Join('\n', Steps.Select(s =>
        $"{s.Step}. {s.Title}: {s.Status}" + (s.Numbers is { } n ? $" ({n.Measured:#,0.#} {n.What}; required {n.Required:#,0.#})" : "") + $" — {s.Message}"));
}

/// <summary>One step of the report card (lesson 7).</summary>
/// <param name="Step">1 to 6.</param>
/// <param name="Title">What the step builds.</param>
/// <param name="Outcome">The last check's verdict; null when never checked.</param>
/// <param name="Message">What the check said.</param>
/// <param name="Numbers">The step's measured number and what it had to be; null for a step without one or not measured.</param>
/// <param name="UsedReference">True when you continued from BackendLab's reference for this step.</param>
public sealed record StepResult(int Step, string Title, CheckOutcome? Outcome, string Message, StepNumbers? Numbers, bool UsedReference)
{
    /// <summary>The verdict as a word: "correct", "not yet", "not attempted", "reference used" or "not checked".</summary>
    public string Status => UsedReference ? "reference used" : Outcome switch
    {
        CheckOutcome.Correct => "correct",
        CheckOutcome.Incorrect => "not yet",
        CheckOutcome.NotAttempted => "not attempted",
        _ => "not checked",
    };
}

/// <summary>A step's own measurement (lesson 7): e.g. seats in the file against the bookings answered 200, or p99 against its target.</summary>
/// <param name="What">What was measured, with its unit.</param>
/// <param name="Measured">What your code did.</param>
/// <param name="Required">What the check required (the exact count, or the upper bound).</param>
public sealed record StepNumbers(string What, double Measured, double Required);
