using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// A plotly.js chart that shows itself when it is a cell's last value.
/// Start with <see cref="Line"/>, <see cref="Scatter"/>, <see cref="Bar"/> or <see cref="Histogram"/>,
/// then chain <c>Add</c>, <c>XAxis</c>, <c>YAxis</c>…:
/// <code>Chart.Line("Latency vs load").Add("p99", users, p99).XAxis("users").YAxis("ms")</code>
/// </summary>
public sealed class Chart : IHtmlContent
{
    readonly List<ChartSeries> _series = [];
    readonly ChartKind _kind;
    Axis _x = new(null), _y = new(null);
    string? _y2;
    int? _width;
    int _height = 420;

    Chart(ChartKind kind, string title) { _kind = kind; Title = title ?? ""; }

    /// <summary>Where plotly.js is loaded from when the page does not already have <c>window.Plotly</c> (plotly.js-cartesian-dist-min 4.1.1).</summary>
    public const string PlotlyUrl = ChartScript.PlotlyUrl;

    /// <summary>The chart's title, shown above the plot.</summary>
    public string Title { get; }

    /// <summary>A chart whose series are points joined by lines (for example latency as load grows).</summary>
    public static Chart Line(string title) => new(ChartKind.Line, title);

    /// <summary>A chart whose series are separate dots (for example one dot per request).</summary>
    public static Chart Scatter(string title) => new(ChartKind.Scatter, title);

    /// <summary>A bar chart: one bar per x value, or per category name with the string overload of <c>Add</c>.</summary>
    public static Chart Bar(string title) => new(ChartKind.Bar, title);

    /// <summary>A histogram: how many values fall into each bin (the shape of a latency distribution).</summary>
    public static Chart Histogram(string title) => new(ChartKind.Histogram, title);

    /// <summary>Adds a series drawn in this chart's kind (a line on a line chart…). <paramref name="x"/> and <paramref name="y"/> pair up one to one.</summary>
    /// <param name="name">The series name shown in the legend.</param>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Vertical values; NaN leaves a gap.</param>
    /// <param name="secondAxis">Measure this series on the right-hand axis (name it with <see cref="Y2Axis"/>). Default: false.</param>
    public Chart Add(string name, IEnumerable<double> x, IEnumerable<double> y, bool secondAxis = false) =>
        AddSeries(name, _kind == ChartKind.Histogram ? ChartKind.Line : _kind, x, y, secondAxis, dashed: false);

    /// <summary>Adds a series with one named category per value, for example one bar per endpoint: <c>Add("p50", ["/a", "/b"], [1.2, 3.4])</c>.</summary>
    /// <param name="name">The series name shown in the legend.</param>
    /// <param name="categories">The label under each bar.</param>
    /// <param name="y">One value per category.</param>
    /// <param name="secondAxis">Measure this series on the right-hand axis. Default: false.</param>
    public Chart Add(string name, IEnumerable<string> categories, IEnumerable<double> y, bool secondAxis = false)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var xs = categories.Cast<object?>().ToList();
        var ys = ChartSeries.Numbers(y, nameof(y));
        ChartSeries.RequireSameLength(name, xs.Count, ys.Count);
        _series.Add(new(name ?? "", _kind == ChartKind.Histogram ? ChartKind.Bar : _kind, xs, ys, secondAxis));
        return this;
    }

    /// <summary>
    /// Adds raw values. On a histogram chart they are counted into bins;
    /// on any other chart they are drawn against their position 1, 2, 3…
    /// </summary>
    public Chart Add(string name, IEnumerable<double> values)
    {
        var ys = ChartSeries.Numbers(values, nameof(values));
        if (_kind == ChartKind.Histogram)
            _series.Add(new(name ?? "", ChartKind.Histogram, ys.Cast<object?>().ToList(), null));
        else
            _series.Add(new(name ?? "", _kind, Enumerable.Range(1, ys.Count).Select(i => (object?)(double)i).ToList(), ys));
        return this;
    }

    /// <summary>Adds a series drawn as a line, whatever the chart's kind (for example a trend over a scatter).</summary>
    public Chart AddLine(string name, IEnumerable<double> x, IEnumerable<double> y, bool secondAxis = false) =>
        AddSeries(name, ChartKind.Line, x, y, secondAxis, dashed: false);

    /// <summary>Adds a series drawn as separate dots, whatever the chart's kind.</summary>
    public Chart AddScatter(string name, IEnumerable<double> x, IEnumerable<double> y, bool secondAxis = false) =>
        AddSeries(name, ChartKind.Scatter, x, y, secondAxis, dashed: false);

    /// <summary>
    /// Adds a dashed reference line, for a prediction to compare measurements with
    /// (for example "Little's law prediction").
    /// </summary>
    public Chart AddDashed(string name, IEnumerable<double> x, IEnumerable<double> y, bool secondAxis = false) =>
        AddSeries(name, ChartKind.Line, x, y, secondAxis, dashed: true);

    /// <summary>Names the horizontal axis. <paramref name="log"/>: a logarithmic scale (1, 10, 100 equally spaced). Default: linear.</summary>
    public Chart XAxis(string label, bool log = false) { _x = new(label, log); return this; }

    /// <summary>Names the vertical axis. <paramref name="log"/>: a logarithmic scale. Default: linear, starting at 0.</summary>
    public Chart YAxis(string label, bool log = false) { _y = new(label, log); return this; }

    /// <summary>Names the right-hand vertical axis, used by series added with <c>secondAxis: true</c>.</summary>
    public Chart Y2Axis(string label) { _y2 = label ?? ""; return this; }

    /// <summary>Sets the size in pixels. Default: the output's full width (no maximum) and 420 pixels high.</summary>
    public Chart Size(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        (_width, _height) = (width, height);
        return this;
    }

    /// <summary>The chart as HTML: a <c>&lt;div&gt;</c> and the <c>&lt;script&gt;</c> that draws into it.</summary>
    public override string ToString() => ChartScript.Render(_series.Select(s => s.ToTrace()).ToList(), Layout(), _width, _height);

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(ToString());

    Chart AddSeries(string name, ChartKind kind, IEnumerable<double> x, IEnumerable<double> y, bool secondAxis, bool dashed)
    {
        var xs = ChartSeries.Numbers(x, nameof(x));
        var ys = ChartSeries.Numbers(y, nameof(y));
        ChartSeries.RequireSameLength(name, xs.Count, ys.Count);
        _series.Add(new(name ?? "", kind, xs.Cast<object?>().ToList(), ys, secondAxis, dashed));
        return this;
    }

    Dictionary<string, object?> Layout()
    {
        var layout = new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = Title },
            ["xaxis"] = _x.ToJson(),
            ["yaxis"] = _y.ToJson(fromZero: true),
            ["margin"] = new Dictionary<string, int> { ["l"] = 60, ["r"] = _y2 is null ? 20 : 60, ["t"] = 50, ["b"] = 50 },
            ["legend"] = new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2 },
        };
        if (_y2 is not null)
            layout["yaxis2"] = new Dictionary<string, object> { ["title"] = new Dictionary<string, string> { ["text"] = _y2 }, ["overlaying"] = "y", ["side"] = "right", ["rangemode"] = "tozero" };
        if (_series.Count(s => s.Kind == ChartKind.Histogram) > 1) layout["barmode"] = "overlay";
        return layout;
    }

    sealed record Axis(string? Label, bool Log = false)
    {
        /// <param name="fromZero">A linear value axis starts at 0, so a small wobble in a rate or a latency is not drawn as a cliff.</param>
        public Dictionary<string, object> ToJson(bool fromZero = false)
        {
            var axis = new Dictionary<string, object> { ["title"] = new Dictionary<string, string> { ["text"] = Label ?? "" } };
            if (Log) axis["type"] = "log";
            else if (fromZero) axis["rangemode"] = "tozero";
            return axis;
        }
    }
}
