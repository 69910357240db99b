using CourseRunner.Formatting;
using Microsoft.DotNet.Interactive;

namespace CourseRunner.Execution;

/// <summary>
/// Connects the kernel shim's <c>display(...)</c> to the running cell: the value is formatted at
/// once and added to that cell's outputs; its handle's <c>Update</c> replaces it in place. Like
/// console output, a display from outside a running cell's flow shows nowhere (logged to stderr).
/// </summary>
internal static class DisplayBridge
{
    private static readonly Lock Gate = new();

    public static void EnsureInstalled(TextWriter log)
    {
        lock (Gate)
        {
            DisplayHost.Handler ??= (value, mimeTypes) => Display(value, mimeTypes, log);
        }
    }

    private static DisplayedValue Display(object? value, string[] mimeTypes, TextWriter log)
    {
        var cell = CellContext.Current;
        var output = new DataOutput { DisplayId = Guid.NewGuid().ToString("N"), Data = OutputFormatter.Format(value, mimeTypes) };
        if (cell is null || !cell.TryAdd(output))
        {
            log.WriteLine("[course-runner] display(...) called outside a running cell; not shown (as in the kernel).");
            return DisplayHost.CreateHandle(_ => { });
        }
        return DisplayHost.CreateHandle(updated =>
        {
            if (CellContext.Current is not { IsOpen: true })
            {
                log.WriteLine("[course-runner] DisplayedValue.Update(...) called outside a running cell; ignored.");
                return;
            }
            cell.Replace(output, OutputFormatter.Format(updated, mimeTypes));
        });
    }
}
