namespace Microsoft.DotNet.Interactive;

/// <summary>
/// Where display() calls go. Internal, so cells cannot see it; the runner (a friend assembly)
/// installs the handler that formats the value and adds it to the running cell's outputs.
/// </summary>
internal static class DisplayHost
{
    internal static Func<object?, string[], DisplayedValue>? Handler { get; set; }

    internal static DisplayedValue Display(object? value, string[] mimeTypes) =>
        (Handler ?? throw new InvalidOperationException("display() works only inside the course runner."))
            .Invoke(value, mimeTypes);

    internal static DisplayedValue CreateHandle(Action<object?> update) => new(update);
}
