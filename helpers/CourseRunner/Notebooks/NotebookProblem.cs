namespace CourseRunner.Notebooks;

/// <summary>Why a notebook cannot be run at all (it is reported and not executed): file, cell and line when known.</summary>
internal sealed record NotebookProblem(string File, int? CellNumber, int? Line, string Message)
{
    public override string ToString() => (CellNumber, Line) switch
    {
        ({ } c, { } l) => $"{File}, cell {c}, line {l}: {Message}",
        ({ } c, null) => $"{File}, cell {c}: {Message}",
        _ => $"{File}: {Message}",
    };
}
