using System.Globalization;

namespace BackendLab;

/// <summary>Numbers written for prose: 1,606 · 161 · 12.5 · 0.042, with thousands separators and about three significant digits.</summary>
internal static class Readable
{
    /// <summary><paramref name="value"/> with digits that matter: integers from 100 up, 1 decimal from 10, 2 from 1, 3 significant below.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        var size = Math.Abs(value);
        var format = size >= 100 ? "#,0" : size >= 10 ? "#,0.#" : size >= 1 ? "0.##" : size == 0 ? "0" : "0." + new string('#', Math.Clamp(2 - (int)Math.Floor(Math.Log10(size)), 1, 9));
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
