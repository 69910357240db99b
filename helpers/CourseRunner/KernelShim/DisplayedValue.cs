namespace Microsoft.DotNet.Interactive;

/// <summary>A value shown with <c>display(...)</c>; update it to change what the cell shows.</summary>
public sealed class DisplayedValue
{
    private readonly Action<object?> _update;

    internal DisplayedValue(Action<object?> update) => _update = update;

    /// <summary>Replaces the shown value with <paramref name="updatedValue"/>, formatted the same way.</summary>
    public void Update(object? updatedValue) => _update(updatedValue);
}
