using System.Text.Json;
using System.Text.RegularExpressions;

namespace BackendLab.Tests.Core;

/// <summary>Reads back what a chart wrote: its div id and the JSON handed to plotly.js.</summary>
static partial class ChartHtml
{
    public static string Id(string html) => IdPattern().Match(html).Groups[1].Value;

    public static JsonElement Data(string html) => Var(html, "data");

    public static JsonElement Layout(string html) => Var(html, "layout");

    static JsonElement Var(string html, string name)
    {
        var line = html.Split('\n').Single(l => l.TrimStart().StartsWith($"var {name} = "));
        var json = line.Trim()[$"var {name} = ".Length..^1];
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    [GeneratedRegex("<div id=\"([^\"]+)\"")]
    private static partial Regex IdPattern();
}
