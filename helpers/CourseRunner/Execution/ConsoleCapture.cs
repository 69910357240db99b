using System.Text;

namespace CourseRunner.Execution;

/// <summary>
/// Routes <c>Console.Out</c>/<c>Console.Error</c> to the running cell's stdout/stderr outputs.
/// A write belongs to the cell whose flow made it (see <see cref="CellContext"/>) while that cell
/// runs; anything else (a finished cell's background thread, the runner itself) goes to the
/// fallback writer — the worker's stderr, a log, never a notebook output.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the routing writers once per process.</summary>
    public static void EnsureInstalled(TextWriter? fallbackOut = null, TextWriter? fallbackError = null)
    {
        lock (Gate)
        {
            if (_installed) return;
            var stdout = fallbackOut ?? Console.Out;
            var stderr = fallbackError ?? Console.Error;
            Console.SetOut(new CellStreamWriter("stdout", stdout));
            Console.SetError(new CellStreamWriter("stderr", stderr));
            _installed = true;
        }
    }

    private sealed class CellStreamWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (CellContext.Current?.TryAppendStream(stream, value) != true)
                fallback.Write(value);
        }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

        public override void WriteLine(string? value) => Write(value + NewLine);

        public override void WriteLine() => Write(NewLine);

        public override void Flush() => fallback.Flush();
    }
}
