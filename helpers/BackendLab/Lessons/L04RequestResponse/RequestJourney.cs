using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>One stage of a request's journey, in milliseconds since the client started sending.</summary>
/// <param name="Name">The stage, e.g. "routing" or "handler".</param>
/// <param name="StartMs">When the stage began, in ms after the client called <c>SendAsync</c>.</param>
/// <param name="EndMs">When the stage ended, in ms after the client called <c>SendAsync</c>.</param>
/// <param name="Where">"client" or "server": whose clock-point marks the stage (both run in this process, on one clock).</param>
public sealed record JourneyStage(string Name, double StartMs, double EndMs, string Where)
{
    /// <summary>How long the stage took, in milliseconds.</summary>
    public double DurationMs => EndMs - StartMs;
}

/// <summary>
/// What happened to one request, stage by stage, measured inside a real ASP.NET Core pipeline by
/// <see cref="JourneyServer"/> (Lesson 4). Show it as a cell's value for a table, or call <see cref="Waterfall()"/>.
/// </summary>
public sealed partial class RequestJourney : IHtmlContent
{
    internal RequestJourney(string label, IReadOnlyList<JourneyStage> stages, int statusCode, string? endpoint, bool newConnection, int requestOnConnection)
    {
        Label = label; Stages = stages; StatusCode = statusCode; Endpoint = endpoint;
        NewConnection = newConnection; RequestOnConnection = requestOnConnection;
    }

    /// <summary>A short name for this journey, used in charts (e.g. "1st request").</summary>
    public string Label { get; }

    /// <summary>The stages in the order the request went through them.</summary>
    public IReadOnlyList<JourneyStage> Stages { get; }

    /// <summary>The response's status code.</summary>
    public int StatusCode { get; }

    /// <summary>The endpoint routing chose (its display name), or null when no endpoint matched (a 404).</summary>
    public string? Endpoint { get; }

    /// <summary>True when the request opened a new TCP connection; false when it reused a kept-alive one.</summary>
    public bool NewConnection { get; }

    /// <summary>1 for the first request on its connection, 2 for the second…</summary>
    public int RequestOnConnection { get; }

    /// <summary>From the client starting to send to the client having the whole response, in milliseconds.</summary>
    public double TotalMs => Stages.Count == 0 ? 0 : Stages.Max(s => s.EndMs);

    /// <summary>The duration of the stage called <paramref name="name"/>, or NaN if the request never reached it.</summary>
    public double this[string name] => Stages.FirstOrDefault(s => s.Name == name)?.DurationMs ?? double.NaN;

    /// <summary>Returns the same journey under another <see cref="Label"/> (for a chart legend).</summary>
    public RequestJourney As(string label) => new(label, Stages, StatusCode, Endpoint, NewConnection, RequestOnConnection);

    /// <summary>A waterfall chart of this journey: one horizontal bar per stage, placed where it happened in time.</summary>
    public IHtmlContent Waterfall() => Waterfall(this);

    /// <summary>A waterfall chart comparing several journeys (for example a cold first request and a warm later one).</summary>
    public static IHtmlContent Waterfall(params RequestJourney[] journeys)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var order = journeys.SelectMany(j => j.Stages.Select(s => s.Name)).Distinct().ToList();
        var traces = journeys.Select(j => new Dictionary<string, object?>
        {
            ["type"] = "bar",
            ["orientation"] = "h",
            ["name"] = j.Label,
            ["y"] = j.Stages.Select(s => s.Name).ToList(),
            ["x"] = j.Stages.Select(s => Math.Max(s.DurationMs, 0.001)).ToList(),
            ["base"] = j.Stages.Select(s => s.StartMs).ToList(),
            ["text"] = j.Stages.Select(s => s.DurationMs.ToString("0.###", CultureInfo.InvariantCulture) + " ms").ToList(),
            ["textposition"] = "outside",
            ["hovertemplate"] = "%{y}: %{base:.3f} → %{x:.3f} ms long<extra>%{fullData.name}</extra>",
        }).ToList();
        var layout = new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = journeys.Length == 1 ? $"The journey of one request ({journeys[0].Label})" : "The journey of a request" },
            ["barmode"] = "group",
            ["xaxis"] = new Dictionary<string, object> { ["title"] = new Dictionary<string, string> { ["text"] = "ms since the client started sending" } },
            ["yaxis"] = new Dictionary<string, object> { ["autorange"] = "reversed", ["categoryorder"] = "array", ["categoryarray"] = order },
            ["margin"] = new Dictionary<string, int> { ["l"] = 150, ["r"] = 90, ["t"] = 50, ["b"] = 50 },
            ["legend"] = new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2 },
        };
        return new HtmlString(ChartScript.Render(traces, layout, null, 120 + 34 * order.Count * Math.Max(1, journeys.Length)));
    }

    /// <summary>One line per stage, e.g. <c>routing  0.412 → 0.455 ms (0.043 ms)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Label}: {StatusCode}, {Endpoint ?? "no endpoint"}, {TotalMs.ToString("0.###", CultureInfo.InvariantCulture)} ms\n");
        foreach (var s in Stages)
            text.Append(CultureInfo.InvariantCulture, $"  {s.Name,-18} {s.StartMs,8:0.###} → {s.EndMs,8:0.###} ms  ({s.DurationMs:0.###} ms, {s.Where})\n");
        return text.ToString();
    }

    /// <summary>The stages as an HTML table.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var connection = NewConnection ? "a new connection" : $"request {RequestOnConnection} on a kept-alive connection";
        var table = new HtmlTable($"{Label}: {StatusCode} from {Endpoint ?? "no endpoint"}, {connection}, {TotalMs.ToString("0.###", CultureInfo.InvariantCulture)} ms in all")
            .Column("stage").Column("start ms", "ms after the client began sending").Column("end ms").Column("took ms").Column("measured by");
        foreach (var s in Stages) table.Row(s.Name, s.StartMs, s.EndMs, s.DurationMs, s.Where);
        table.WriteTo(writer, encoder);
    }
}
