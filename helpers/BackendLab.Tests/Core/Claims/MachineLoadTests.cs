using System.Diagnostics;

namespace BackendLab.Tests.Core;

/// <summary>The machine's load, as other programs make it: a real CPU hog outside this process tree, and a child inside it.</summary>
public class MachineLoadTests
{
    [Fact]
    public async Task A_program_outside_this_process_tree_counts_as_other_load()
    {
        if (!OperatingSystem.IsLinux()) { Assert.Null(MachineLoad.Start().Stop().OtherCores); return; }
        // sh starts `yes` in the background and exits: `yes` is re-parented, so it is no longer in this process tree.
        var pidFile = Path.GetTempFileName();
        using (var sh = Process.Start("sh", ["-c", $"yes > /dev/null & echo $! > {pidFile}"])) await sh.WaitForExitAsync();
        var hog = int.Parse(File.ReadAllText(pidFile).Trim());
        try
        {
            await Task.Delay(200);
            var load = MachineLoad.Start();
            await Task.Delay(1500);
            load.Stop();
            Assert.True(load.OtherCores >= 0.3, $"a spinning `yes` beside us: {load}");
            Assert.Contains("of the machine's", load.ToString());
        }
        finally { Process.GetProcessById(hog).Kill(); File.Delete(pidFile); }
    }

    [Fact]
    public async Task A_child_process_is_part_of_this_tree_and_its_cpu_is_not_other_load()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var child = Process.Start("sh", ["-c", "i=0; while [ $i -lt 3000000 ]; do i=$((i+1)); done"])!;
        try
        {
            var start = ProcCpu.TryRead()!;
            Assert.Contains(child.Id, start.Tree.Keys);
            await child.WaitForExitAsync();
            var end = ProcCpu.TryRead()!;
            Assert.DoesNotContain(child.Id, end.Tree.Keys);
            // the child's CPU reached this process's reaped-children time: counted as ours, whenever it ended
            Assert.True(end.ReapedChildren > start.ReapedChildren, $"{start.ReapedChildren} → {end.ReapedChildren}");
        }
        finally { if (!child.HasExited) child.Kill(); }
    }

    [Fact]
    public void Proc_stat_lines_are_read_whatever_the_command_name_holds()
    {
        var p = ProcCpu.Parse("42 (a (weird) name) S 7 42 42 0 -1 4194560 100 0 0 0 250 50 12 3 20 0 1 0 100 0 0")!.Value;
        Assert.Equal((7, 300L, 15L), (p.Parent, p.Cpu, p.Children));
        var (busy, total, cores) = ProcCpu.Machine(["cpu  100 10 50 1000 20 5 5 0 0 0", "cpu0 50 5 25 500 10 2 3 0 0 0", "cpu1 50 5 25 500 10 3 2 0 0 0", "intr 1"]);
        Assert.Equal((170L, 1190L, 2), (busy, total, cores));
    }
}
