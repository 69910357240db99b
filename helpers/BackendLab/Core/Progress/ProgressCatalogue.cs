using System.Reflection;

namespace BackendLab;

/// <summary>One checkable item of the course, found in BackendLab: its id, kind, title and how a notebook reaches it.</summary>
/// <param name="Id">"01-backend-basics/q1": the notebook file name without <c>.ipynb</c>, a slash, the item's name.</param>
/// <param name="Kind">"exercise" or "question".</param>
/// <param name="Title">What to do, in a few words.</param>
/// <param name="Handle">The code that reaches it, e.g. <c>Lesson01.Q1</c>.</param>
public sealed record CourseItem(string Id, string Kind, string Title, string Handle)
{
    /// <summary>The notebook's file name without <c>.ipynb</c>, e.g. "01-backend-basics".</summary>
    public string Notebook => Id[..Id.LastIndexOf('/')];

    /// <summary>The lesson number from the notebook's name ("01-…" is 1), or null.</summary>
    public int? Lesson => Notebook.Length >= 2 && char.IsAsciiDigit(Notebook[0]) && char.IsAsciiDigit(Notebook[1]) ? int.Parse(Notebook[..2]) : null;
}

/// <summary>
/// Every exercise and concept question of the course, found by reflection: any public static field or property, of any
/// type in BackendLab (nested types too), whose type derives from <see cref="Exercise"/> or <see cref="Question"/>. Its id names its notebook, so no other metadata is needed.
/// </summary>
internal static class ProgressCatalogue
{
    /// <summary>The items, in lesson order, then by name (q2 before q10).</summary>
    public static IReadOnlyList<CourseItem> All(Assembly? assembly = null)
    {
        var found = new Dictionary<string, CourseItem>(StringComparer.Ordinal);
        foreach (var type in Types(assembly ?? typeof(Exercise).Assembly).Where(t => !t.ContainsGenericParameters))
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
            static bool Checkable(Type t) => typeof(Exercise).IsAssignableFrom(t) || typeof(Question).IsAssignableFrom(t);
            var members = type.GetFields(flags).Where(f => Checkable(f.FieldType)).Select(f => (f.Name, Get: (Func<object?>)(() => f.GetValue(null))))
                .Concat(type.GetProperties(flags).Where(p => Checkable(p.PropertyType) && p.GetIndexParameters().Length == 0)
                    .Select(p => (p.Name, Get: (Func<object?>)(() => p.GetValue(null)))));
            foreach (var (name, get) in members)
            {
                if (Value(get) is Exercise exercise && !found.ContainsKey(exercise.Id))
                    found[exercise.Id] = new CourseItem(exercise.Id, "exercise", exercise.Title, $"{type.Name}.{name}");
                else if (Value(get) is Question question && !found.ContainsKey(question.Id))
                    found[question.Id] = new CourseItem(question.Id, "question", question.Prompt, question.Handle);
            }
        }
        return [.. found.Values.OrderBy(i => i.Notebook, StringComparer.Ordinal).ThenBy(i => i.Id.Length).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    static object? Value(Func<object?> get)
    {
        try { return get(); }
        catch (Exception) { return null; } // a lesson whose static setup fails must not hide the others
    }

    static IEnumerable<Type> Types(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
