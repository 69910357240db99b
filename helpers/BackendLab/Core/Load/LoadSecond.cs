namespace BackendLab;

/// <summary>
/// One second of a load run's measured phase (second 0 is the first): the requests that finished during it, summarised
/// like the whole run (<see cref="LatencySummary"/>, at 2 significant digits).
/// </summary>
public sealed record LoadSecond : LatencySummary
{
    /// <summary>Seconds since the measured phase began.</summary>
    public required int Second { get; init; }
}
