using System.Globalization;
using System.Runtime.InteropServices;

namespace BackendLab;

/// <summary>
/// CPU affinity on Linux, thread by thread: <c>sched_setaffinity(pid)</c> (what <c>Process.ProcessorAffinity</c> calls)
/// pins only the thread whose id is <c>pid</c>, so a running .NET server's thread pool would stay unpinned. This pins
/// every thread listed in <c>/proc/PID/task</c>, until no new one appears, and reads back <c>Cpus_allowed_list</c>.
/// </summary>
internal static class ThreadAffinity
{
    [DllImport("libc", SetLastError = true)]
    static extern int sched_setaffinity(int tid, nint size, ulong[] mask);

    public static void PinProcess(int pid, IReadOnlyList<int> cores)
    {
        var mask = new ulong[Math.Max(1, cores.Max() / 64 + 1)];
        foreach (var core in cores) mask[core / 64] |= 1UL << (core % 64);
        var pinned = new HashSet<int>();
        for (var round = 0; round < 10; round++)
        {
            var fresh = Threads(pid).Where(pinned.Add).ToList();
            if (fresh.Count == 0) return;
            foreach (var tid in fresh) sched_setaffinity(tid, mask.Length * 8, mask); // a thread that just ended fails: fine
        }
    }

    public static IReadOnlyList<int> CoresOfProcess(int pid)
    {
        var cores = new SortedSet<int>();
        foreach (var tid in Threads(pid))
        {
            string status;
            try { status = File.ReadAllText($"/proc/{pid}/task/{tid}/status"); }
            catch (IOException) { continue; }
            var line = status.Split('\n').FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
            if (line is not null) cores.UnionWith(ParseList(line["Cpus_allowed_list:".Length..]));
        }
        return cores.ToList();
    }

    /// <summary>Parses a kernel CPU list such as <c>0-3,8,10-11</c>.</summary>
    public static IEnumerable<int> ParseList(string list)
    {
        foreach (var part in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            var from = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var to = bounds.Length > 1 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : from;
            for (var core = from; core <= to; core++) yield return core;
        }
    }

    static IEnumerable<int> Threads(int pid)
    {
        try
        {
            return Directory.GetDirectories($"/proc/{pid}/task")
                .Select(d => int.TryParse(Path.GetFileName(d), out var tid) ? tid : -1).Where(t => t > 0).ToList();
        }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }
}
