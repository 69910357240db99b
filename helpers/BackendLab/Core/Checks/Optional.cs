namespace BackendLab;

/// <summary>
/// A value that may be absent, even when <typeparamref name="T"/> is a number (where 0 is a real value).
/// Assign a plain value to set it: <c>Placeholder = 0</c>.
/// </summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    /// <summary>Wraps <paramref name="value"/> as present.</summary>
    public static implicit operator Optional<T>(T value) => new(true, value);
}
