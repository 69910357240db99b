namespace CourseRunner.Formatting;

/// <summary>Which values show as one piece of text (numbers, dates, enums...) rather than a table.</summary>
internal static class ValueKinds
{
    public static bool IsScalar(object value)
    {
        var type = value.GetType();
        return type.IsPrimitive || type.IsEnum || value is string or Uri or Version or Type or Delegate
               || (type.IsValueType && !type.IsGenericType && type.Namespace is "System" or "System.Numerics");
    }
}
