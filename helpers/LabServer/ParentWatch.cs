using System.Diagnostics;

namespace LabServer;

/// <summary>Makes sure the lab server never outlives the process that started it.</summary>
public static class ParentWatch
{
    /// <summary>
    /// Stops <paramref name="app"/> and exits when stdin closes (the parent died or disposed us)
    /// or when the process <paramref name="parentPid"/> is gone (checked every 250 ms).
    /// </summary>
    public static void ExitWithParent(WebApplication app, int? parentPid)
    {
        if (parentPid is null) return;
        new Thread(() => { try { while (Console.In.Read() >= 0) { } } catch { } Exit(app); })
            { IsBackground = true, Name = "stdin watch" }.Start();
        new Thread(() => { while (IsAlive(parentPid.Value)) Thread.Sleep(250); Exit(app); })
            { IsBackground = true, Name = "parent watch" }.Start();
    }

    static bool IsAlive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    static void Exit(WebApplication app)
    {
        // Give the host one second to stop cleanly, then leave regardless.
        _ = app.StopAsync();
        Thread.Sleep(1000);
        Environment.Exit(0);
    }
}
