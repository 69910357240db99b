using System.Collections;
using System.Globalization;

namespace BackendLab;

/// <summary>Values written the way C# code would write them, for check messages: <c>"text"</c>, <c>3.5</c>, <c>[1, 2]</c>, <c>null</c>.</summary>
internal static class Shown
{
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => $"\"{(s.Length > 200 ? s[..200] + "…" : s)}\"",
        char c => $"'{c}'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Take(20).Select(Value)) + (items.Cast<object?>().Count() > 20 ? ", …" : "") + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>True when two values count as the same answer: numbers within <paramref name="tolerance"/>, sequences item by item.</summary>
    public static bool Same(object? expected, object? actual, double tolerance)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        if (IsNumber(expected) && IsNumber(actual))
            return Math.Abs(Convert.ToDouble(expected, CultureInfo.InvariantCulture) - Convert.ToDouble(actual, CultureInfo.InvariantCulture)) <= tolerance;
        if (expected is not string && expected is IEnumerable e && actual is IEnumerable a)
        {
            var (xs, ys) = (e.Cast<object?>().ToList(), a.Cast<object?>().ToList());
            return xs.Count == ys.Count && xs.Zip(ys).All(p => Same(p.First, p.Second, tolerance));
        }
        return Equals(expected, actual);
    }

    public static bool IsNumber(object? value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;
}
