using Microsoft.DotNet.Interactive.Events;

namespace CourseRunner.Execution;

/// <summary>
/// Turns the kernel's events into a notebook's outputs, in the order they came, as Polyglot Notebooks shows them:
/// console text as streams (consecutive writes to one stream merged), <c>display(...)</c> and the cell's value as
/// data outputs, and <see cref="DisplayedValueUpdated"/> replacing a displayed value in place, even one shown by an
/// earlier cell. The released kernel (1.0.712001) gives a display's updates another <c>valueId</c> than the display
/// itself; an update whose id is not known yet is matched to the latest display with the same MIME types that no
/// update has claimed.
/// </summary>
internal sealed class CellRecorder
{
    private readonly Dictionary<string, DataOutput> _byValueId = [];
    private readonly List<DataOutput> _unclaimed = [];
    private List<CellOutput> _current = [];

    /// <summary>Starts recording a new cell's outputs.</summary>
    public void StartCell() => _current = [];

    /// <summary>The outputs recorded for the current cell so far.</summary>
    public IReadOnlyList<CellOutput> Outputs => [.. _current];

    /// <summary>Records an event of the running cell; updates of displays apply wherever the display is.</summary>
    public void Record(KernelEvent e)
    {
        switch (e)
        {
            case StandardOutputValueProduced s:
                Append("stdout", Text(s));
                break;
            case StandardErrorValueProduced s:
                Append("stderr", Text(s));
                break;
            case DisplayedValueUpdated u:
                Update(u);
                break;
            case ReturnValueProduced r:
                _current.Add(new DataOutput { IsResult = true, Data = Data(r) });
                break;
            case DisplayedValueProduced d:
                var output = new DataOutput { DisplayId = d.ValueId, Data = Data(d) };
                if (d.ValueId is { } id) _byValueId[id] = output;
                _unclaimed.Add(output);
                _current.Add(output);
                break;
        }
    }

    /// <summary>A display update that arrives while no cell of this notebook is running (a background timer).</summary>
    public void RecordLate(DisplayedValueUpdated update) => Update(update);

    /// <summary>Adds the failure text of the cell (an <c>error</c> output).</summary>
    public void Fail(string message) => _current.Add(new ErrorOutput { Message = message });

    private void Update(DisplayedValueUpdated u)
    {
        var data = Data(u);
        if (u.ValueId is null || !_byValueId.TryGetValue(u.ValueId, out var target))
        {
            target = _unclaimed.LastOrDefault(o => o.Data.Keys.Order().SequenceEqual(data.Keys.Order())) ?? _unclaimed.LastOrDefault();
            if (target is null) return;
            if (u.ValueId is { } id) _byValueId[id] = target;
        }
        _unclaimed.Remove(target);
        target.Data = data;
    }

    private void Append(string stream, string text)
    {
        if (_current.Count > 0 && _current[^1] is StreamOutput last && last.Name == stream) last.Append(text);
        else _current.Add(new StreamOutput { Name = stream, Text = text });
    }

    private static string Text(DisplayEvent e) =>
        string.Concat(e.FormattedValues.Where(v => v.MimeType == "text/plain").Select(v => v.Value));

    private static Dictionary<string, string> Data(DisplayEvent e) =>
        e.FormattedValues.Where(v => !v.SuppressDisplay).GroupBy(v => v.MimeType).ToDictionary(g => g.Key, g => g.Last().Value);
}
