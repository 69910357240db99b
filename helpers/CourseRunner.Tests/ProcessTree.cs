using System.Text.RegularExpressions;

namespace CourseRunner.Tests;

/// <summary>Which processes a run left behind, read from /proc (the tests that use it run on Linux, as CI does).</summary>
internal static partial class ProcessTree
{
    /// <summary>Cell code that starts a child process of the kernel (a stand-in for a lab server) and writes its pid to <paramref name="pidFile"/>.</summary>
    public static string StartChildCell(string pidFile) =>
        $"var child = System.Diagnostics.Process.Start(\"sleep\", \"600\");\nSystem.IO.File.WriteAllText(@\"{pidFile}\", child.Id.ToString());";

    /// <summary>True while <paramref name="pid"/> is a live process (a zombie, already ended, counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException) { return false; }
    }

    /// <summary>Polls for up to <paramref name="within"/> until every pid is gone; returns the survivors.</summary>
    public static async Task<List<int>> SurvivorsAsync(IEnumerable<int> pids, TimeSpan within)
    {
        var list = pids.ToList();
        var until = DateTime.UtcNow + within;
        while (list.Any(IsAlive) && DateTime.UtcNow < until) await Task.Delay(100);
        return list.Where(IsAlive).ToList();
    }

    /// <summary>The kernel pids the runner printed ("kernel   pid N: …").</summary>
    public static List<int> KernelPids(string runnerOutput) =>
        KernelLine().Matches(runnerOutput).Select(m => int.Parse(m.Groups[1].Value)).ToList();

    [GeneratedRegex(@"kernel\s+pid (\d+)")]
    private static partial Regex KernelLine();

    public static int ReadPid(string file) => int.Parse(File.ReadAllText(file).Trim());
}
