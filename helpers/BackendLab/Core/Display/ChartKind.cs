namespace BackendLab;

/// <summary>How a chart series is drawn. Each series keeps its own kind, so a line can overlay a scatter.</summary>
public enum ChartKind
{
    /// <summary>Points joined by a line: a measurement that changes with x (latency as load grows).</summary>
    Line,
    /// <summary>Separate points, not joined: one dot per observation (one dot per request).</summary>
    Scatter,
    /// <summary>Bars, one per x value or per category name.</summary>
    Bar,
    /// <summary>Counts how many values fall into each bin: the shape of a distribution of latencies.</summary>
    Histogram,
}
