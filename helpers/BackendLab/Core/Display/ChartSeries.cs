namespace BackendLab;

/// <summary>One series of a <see cref="Chart"/>, turned into a plotly.js trace.</summary>
internal sealed record ChartSeries(
    string Name, ChartKind Kind, IReadOnlyList<object?> X, IReadOnlyList<double?>? Y,
    bool SecondAxis = false, bool Dashed = false)
{
    /// <summary>The plotly.js trace object (serialized to JSON).</summary>
    public Dictionary<string, object?> ToTrace()
    {
        var trace = new Dictionary<string, object?> { ["name"] = Name, ["x"] = X };
        if (Y is not null) trace["y"] = Y;
        switch (Kind)
        {
            case ChartKind.Line: trace["type"] = "scatter"; trace["mode"] = "lines+markers"; break;
            case ChartKind.Scatter: trace["type"] = "scatter"; trace["mode"] = "markers"; break;
            case ChartKind.Bar: trace["type"] = "bar"; break;
            case ChartKind.Histogram: trace["type"] = "histogram"; trace["opacity"] = 0.7; break;
        }
        if (Dashed) { trace["mode"] = "lines"; trace["line"] = new Dictionary<string, object> { ["dash"] = "dash" }; }
        if (SecondAxis) trace["yaxis"] = "y2";
        return trace;
    }

    /// <summary>Numbers as JSON-ready values: NaN and infinities become null (plotly.js leaves a gap).</summary>
    public static List<double?> Numbers(IEnumerable<double> values, string what)
    {
        ArgumentNullException.ThrowIfNull(values, what);
        return values.Select(v => double.IsFinite(v) ? v : (double?)null).ToList();
    }

    /// <summary>Checks that x and y have the same length, with a message that says which series is wrong.</summary>
    public static void RequireSameLength(string name, int x, int y)
    {
        if (x != y)
            throw new ArgumentException($"Series '{name}' has {x} x values but {y} y values; they must pair up one to one.");
    }
}
