namespace CourseRunner.Kernel;

/// <summary>Every kernel this process has started and not yet ended, so Ctrl+C or exit can end them all.</summary>
internal static class LiveKernels
{
    private static readonly HashSet<KernelConnection> Connections = [];

    public static void Add(KernelConnection c) { lock (Connections) Connections.Add(c); }

    public static void Remove(KernelConnection c) { lock (Connections) Connections.Remove(c); }

    public static int Count { get { lock (Connections) return Connections.Count; } }

    /// <summary>Kills every live kernel's process tree (Ctrl+C, SIGTERM, the runner exiting).</summary>
    public static void KillAll()
    {
        KernelConnection[] all;
        lock (Connections) all = [.. Connections];
        foreach (var c in all) c.KillTree();
    }
}
