using System.Diagnostics;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// The capstone's report card (lesson 7): every step's last check on this machine, as one table and one chart.
/// In a notebook: <c>Lesson07.ReportCard()</c>.
/// </summary>
public sealed class ReportCard : IHtmlContent
{
    static readonly ConcurrentDictionary<int, StepResult> Results = new();

    ReportCard(IReadOnlyList<StepResult> steps) => Steps = steps;

    /// <summary>Every step, in order; a step never checked has outcome null.</summary>
    public IReadOnlyList<StepResult> Steps { get; }

    /// <summary>How many steps' last check said Correct.</summary>
    public int Correct => Steps.Count(s => s.Outcome == CheckOutcome.Correct);

    internal static async Task<CheckResult> Record(int step, Task<CheckResult> check)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await check;
        Results[step] = new StepResult(step, "", result.Outcome, result.Message, Stopwatch.GetElapsedTime(start), false);
        return result;
    }

    internal static void UsedReference(int step) =>
        Results[step] = new StepResult(step, "", null, "continued from BackendLab's reference", TimeSpan.Zero, true);

    internal static ReportCard Now(IReadOnlyList<Exercise> steps) =>
        new([.. steps.Select((e, i) => Results.TryGetValue(i + 1, out var r) ? r with { Title = e.Title } : new StepResult(i + 1, e.Title, null, "not checked yet", TimeSpan.Zero, false))]);

    /// <summary>The table and the chart.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var table = new HtmlTable($"Capstone report card: {Correct} of {Steps.Count} steps correct on this machine ({Environment.ProcessorCount} cores)")
            .Column("step").Column("what").Column("result", "the last check's verdict").Column("what the check saw").Column("check time", "how long the last check ran, servers and load included");
        foreach (var s in Steps)
            table.Row(s.Step, s.Title, s.UsedReference ? "reference" : s.Outcome?.ToString() ?? "—", s.Message, s.Elapsed > TimeSpan.Zero ? Durations.Format(s.Elapsed) : "—");
        table.WriteTo(writer, encoder);
        Chart.Bar("Each step's last check: how long it ran on this machine (ms)")
            .Add("check time", Steps.Select(s => $"{s.Step}. {s.Title}"), Steps.Select(s => s.Elapsed.TotalMilliseconds))
            .WriteTo(writer, encoder);
    }

    /// <summary>One line per step.</summary>
    public override string ToString() => string.Join('\n', Steps.Select(s => $"{s.Step}. {s.Title}: {(s.UsedReference ? "reference" : s.Outcome?.ToString() ?? "—")} — {s.Message}"));
}

/// <summary>One step of the report card (lesson 7).</summary>
/// <param name="Step">1 to 4.</param>
/// <param name="Title">What the step builds.</param>
/// <param name="Outcome">The last check's verdict; null when never checked.</param>
/// <param name="Message">What the check said.</param>
/// <param name="Elapsed">How long the last check ran.</param>
/// <param name="UsedReference">True when you continued from BackendLab's reference for this step.</param>
public sealed record StepResult(int Step, string Title, CheckOutcome? Outcome, string Message, TimeSpan Elapsed, bool UsedReference);
