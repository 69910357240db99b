using System.Reflection;

namespace BackendLab;

/// <summary>How checks read what the learner's code did: starter exceptions, error descriptions, likely slips.</summary>
internal static class LearnerCode
{
    /// <summary>True for the starter cells' <c>throw new NotImplementedException("your code here")</c>, however wrapped.</summary>
    public static bool IsStarter(Exception e) => Unwrap(e) is NotImplementedException;

    /// <summary>True when the text of an error recorded by a server names the starter exception.</summary>
    public static bool IsStarter(string? error) => error?.StartsWith(nameof(NotImplementedException), StringComparison.Ordinal) == true;

    /// <summary>"TypeName: message" of the innermost meaningful exception.</summary>
    public static string Describe(Exception e)
    {
        var inner = Unwrap(e);
        return $"{inner.GetType().Name}: {inner.Message}";
    }

    /// <summary>A hint when <paramref name="text"/> looks like a Task was sent instead of its result (a missing <c>await</c>).</summary>
    public static string? AwaitSlip(string? text) =>
        text is not null && (text.Contains("System.Threading.Tasks.Task", StringComparison.Ordinal)
                             || (text.Contains("\"isCompleted\"", StringComparison.Ordinal) && text.Contains("\"status\"", StringComparison.Ordinal)))
            ? " That looks like a `Task` rather than its result: is an `await` missing?"
            : null;

    static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        TypeInitializationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };
}
