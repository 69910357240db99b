using System.Globalization;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>A request's journey drawn and compared: a <see cref="JourneyDiagram"/>, a table and a chart of its stages.</summary>
public sealed partial class RequestJourney
{
    /// <summary>Short names for the boxes of <see cref="Picture"/> (the table and the chart keep the full ones).</summary>
    static readonly Dictionary<string, string> ShortNames = new()
    {
        ["client prepares"] = "client",
        ["bytes on the wire"] = "wire",
        ["parsing (Kestrel)"] = "parsing",
        ["serialize + write"] = "serialize",
        ["client reads response"] = "client reads",
    };

    /// <summary>
    /// This journey as a picture: one box per stage, in order, with its measured time and its share of the total
    /// (a <see cref="JourneyDiagram"/>; the slowest stage is coloured). <c>cold.Picture()</c>
    /// </summary>
    public Picture Picture() =>
        JourneyDiagram.Draw($"The journey of one request: {Label}, {StatusCode}, {TotalMs.ToString("0.##", CultureInfo.InvariantCulture)} ms",
            Stages.Select(s => (ShortNames.GetValueOrDefault(s.Name, s.Name), Math.Max(s.DurationMs, 0))));

    /// <summary>Several journeys side by side, one row each: the total and every stage's time in milliseconds ("—" where a request had no such stage).</summary>
    public static HtmlTable Table(params RequestJourney[] journeys)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var stages = journeys.SelectMany(j => j.Stages.Select(s => s.Name)).Distinct().ToList();
        var table = new HtmlTable("Time per stage, in milliseconds").Column("request").Column("total ms", "from the client starting to send to the whole response read");
        foreach (var stage in stages) table.Column(stage);
        foreach (var j in journeys)
            table.Row([j.Label, j.TotalMs, .. stages.Select(s => double.IsNaN(j[s]) ? (object)"—" : j[s])]);
        return table;
    }

    /// <summary>A bar chart of each stage's time, one colour per journey, on a log scale (a cold stage can be 1,000× a warm one).</summary>
    public static Chart StageChart(params RequestJourney[] journeys)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var chart = Chart.Bar("Time per stage (log scale)").YAxis("ms (log scale)", log: true);
        foreach (var j in journeys)
            chart.Add(j.Label, j.Stages.Select(s => s.Name), j.Stages.Select(s => Math.Max(s.DurationMs, 0.001)));
        return chart;
    }
}
