using System.Diagnostics;

namespace BackendLab.Tests.Lessons.L06bFastApi;

/// <summary>What the FastAPI tests read from outside: whether a process still runs, its children, a display's HTML.</summary>
static class Processes
{
    public static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    public static IEnumerable<int> ChildrenOf(int pid) =>
        File.Exists($"/proc/{pid}/task/{pid}/children")
            ? File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)
            : [];

    public static async Task WaitUntilGone(IEnumerable<int> pids)
    {
        var list = pids.ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (list.Any(Alive) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(!list.Any(Alive), $"still running: {string.Join(", ", list.Where(Alive))}");
    }

    public static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            if (p.HasExited) return false;
            // A zombie (exited, not yet reaped by its parent) has stopped running
            return !OperatingSystem.IsLinux() || !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException) { return false; }
    }
}
