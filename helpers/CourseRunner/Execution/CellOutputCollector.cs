namespace CourseRunner.Execution;

/// <summary>
/// Gathers one cell's outputs while it runs, from any thread. Once sealed (the cell finished),
/// console writes and display(...) calls that still arrive are refused: in the kernel, output from
/// a finished cell's background work is not shown in any cell either.
/// </summary>
internal sealed class CellOutputCollector(int cellIndex, Action<int, DataOutput>? onUpdatedAfterSeal = null)
{
    private readonly Lock _gate = new();
    private readonly List<CellOutput> _outputs = [];
    private bool _sealed;

    public int CellIndex { get; } = cellIndex;

    public bool TryAppendStream(string name, string text)
    {
        lock (_gate)
        {
            if (_sealed) return false;
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == name)
                last.Append(text);
            else
                _outputs.Add(new StreamOutput { Name = name, Text = text });
            return true;
        }
    }

    /// <summary>Adds an output if the cell is still running; false if it already finished.</summary>
    public bool TryAdd(CellOutput output)
    {
        lock (_gate)
        {
            if (_sealed) return false;
            _outputs.Add(output);
            return true;
        }
    }

    /// <summary>Replaces a display(...) output's content (DisplayedValue.Update), even after the cell finished.</summary>
    public void Replace(DataOutput output, Dictionary<string, string> data)
    {
        bool late;
        lock (_gate)
        {
            output.Data = data;
            late = _sealed;
        }
        if (late) onUpdatedAfterSeal?.Invoke(CellIndex, output);
    }

    public bool IsOpen
    {
        get { lock (_gate) return !_sealed; }
    }

    /// <summary>Ends capture and returns the outputs, in the order they happened.</summary>
    public IReadOnlyList<CellOutput> Seal()
    {
        lock (_gate)
        {
            _sealed = true;
            return [.. _outputs];
        }
    }
}
