using System.Globalization;

namespace BackendLab;

/// <summary>
/// Linux's CPU accounting, read from <c>/proc</c>: the machine's busy time and this process tree's, in clock ticks.
/// The basis of <see cref="MachineLoad"/>; null everywhere else.
/// </summary>
internal static class ProcCpu
{
    /// <summary>One reading. <see cref="Tree"/>: CPU ticks per process of this tree; <see cref="ReapedChildren"/>: ticks of children that ended.</summary>
    internal sealed record Snapshot(long MachineBusy, long MachineTotal, int MachineCores, IReadOnlyDictionary<int, long> Tree, long ReapedChildren);

    public static Snapshot? TryRead()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var (busy, total, cores) = Machine(File.ReadAllLines("/proc/stat"));
            var processes = AllProcesses();
            var self = Environment.ProcessId;
            var tree = new Dictionary<int, long>();
            var queue = new Queue<int>([self]);
            while (queue.Count > 0)
            {
                var pid = queue.Dequeue();
                if (!processes.TryGetValue(pid, out var p) || !tree.TryAdd(pid, p.Cpu)) continue;
                foreach (var (child, c) in processes) if (c.Parent == pid) queue.Enqueue(child);
            }
            var reaped = processes.TryGetValue(self, out var me) ? me.Children : 0;
            return new Snapshot(busy, total, cores, tree, reaped);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Cores' worth of CPU used outside this process tree between two readings. A process alive at both counts its
    /// difference; one that ended (and was waited for) counts through this process's reaped-children time.
    /// </summary>
    public static double OtherCores(Snapshot start, Snapshot end)
    {
        var machineTotal = end.MachineTotal - start.MachineTotal;
        if (machineTotal <= 0) return 0;
        var machineBusy = end.MachineBusy - start.MachineBusy;
        var ours = end.Tree.Values.Sum() - start.Tree.Values.Sum() + (end.ReapedChildren - start.ReapedChildren);
        var other = Math.Max(0, machineBusy - ours);
        // machineTotal counts every core's ticks: the fraction of all of them, times the number of cores.
        return (double)other / machineTotal * end.MachineCores;
    }

    /// <summary>The aggregate "cpu" line: busy = user + nice + system + irq + softirq + steal; total adds idle and iowait.</summary>
    internal static (long Busy, long Total, int Cores) Machine(string[] stat)
    {
        var f = stat[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        long At(int i) => i < f.Length ? f[i] : 0;
        var busy = At(0) + At(1) + At(2) + At(5) + At(6) + At(7);
        var total = busy + At(3) + At(4);
        var cores = stat.Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && l.Length > 3 && char.IsDigit(l[3]));
        return (busy, total, Math.Max(cores, 1));
    }

    static Dictionary<int, (int Parent, long Cpu, long Children)> AllProcesses()
    {
        var all = new Dictionary<int, (int, long, long)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string text;
            try { text = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; } // it ended meanwhile
            if (Parse(text) is { } p) all[pid] = p;
        }
        return all;
    }

    /// <summary>Fields of <c>/proc/&lt;pid&gt;/stat</c> after the command name (which may hold spaces): ppid, utime + stime, cutime + cstime.</summary>
    internal static (int Parent, long Cpu, long Children)? Parse(string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0) return null;
        var f = stat[(close + 2)..].Split(' ');
        if (f.Length < 15) return null;
        long L(int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture); // field numbers as proc(5) counts them
        return (int.Parse(f[4 - 3], CultureInfo.InvariantCulture), L(14) + L(15), L(16) + L(17));
    }
}
