namespace CourseRunner.Notebooks;

/// <summary>Why a notebook cannot be run at all (it is reported and not executed).</summary>
internal sealed record NotebookProblem(string File, int? CellNumber, string Message)
{
    public override string ToString() =>
        CellNumber is { } n ? $"{File}, cell {n}: {Message}" : $"{File}: {Message}";
}
