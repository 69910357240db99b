namespace BackendLab.Lessons.L07Capstone;

public static partial class Lesson07
{
    /// <summary>The steps in order: <c>Q1</c> to <c>Q6</c>.</summary>
    public static IReadOnlyList<Exercise> Steps => [Q1, Q2, Q3, Q4, Q5, Q6];

    /// <summary>
    /// Stuck at a step? Continue from BackendLab's own answer: shows the reference code for <paramref name="step"/> (the
    /// same as <c>Lesson07.Q{step}.Solution()</c>), notes it on the report card, and tells you which reference member to use
    /// in the later cells (<see cref="ReferenceTickets"/>).
    /// </summary>
    public static ExerciseNote UseReference(int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, Steps.Count);
        L07Capstone.ReportCard.UsedReference(step);
        var use = step switch
        {
            1 => "MapTickets = ReferenceTickets.MapTickets;",
            2 => "OpenStore = db => new ReferenceTickets.SqlTickets(db);",
            3 => "Book = ReferenceTickets.Book;",
            4 => "BookOnce = ReferenceTickets.BookOnce;",
            5 => "Service = ReferenceTickets.Service;",
            _ => "BookAndCharge = ReferenceTickets.BookAndCharge;",
        };
        var solution = Steps[step - 1].Solution();
        return ExerciseNote.Code(Steps[step - 1].Id, $"Step {step}: continue from the reference with `{use}`", solution.Text);
    }

    /// <summary>Every step's last check on this machine: one table, one chart.</summary>
    public static ReportCard ReportCard() => L07Capstone.ReportCard.Now(Steps);
}
