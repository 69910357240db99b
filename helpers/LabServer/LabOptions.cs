using BackendLab;

namespace LabServer;

/// <summary>Command-line options of the lab server.</summary>
/// <param name="Port">TCP port on 127.0.0.1; 0 (default) lets the system pick a free one.</param>
/// <param name="MinThreads">Thread-pool minimum worker threads; null keeps the runtime's default.</param>
/// <param name="MaxThreads">Thread-pool maximum worker threads; null keeps the runtime's default.</param>
/// <param name="ParentPid">Process id to watch: the server exits when that process exits.</param>
public sealed record LabOptions(int Port = 0, int? MinThreads = null, int? MaxThreads = null, int? ParentPid = null)
{
    /// <summary>Reads <c>--port</c>, <c>--min-threads</c>, <c>--max-threads</c> and <c>--parent-pid</c>.</summary>
    public static LabOptions Parse(string[] args)
    {
        var options = new LabOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                LabServerProtocol.PortOption => options with { Port = value },
                LabServerProtocol.MinThreadsOption => options with { MinThreads = value },
                LabServerProtocol.MaxThreadsOption => options with { MaxThreads = value },
                LabServerProtocol.ParentPidOption => options with { ParentPid = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        return options;
    }

    /// <summary>Applies <see cref="MinThreads"/> and <see cref="MaxThreads"/> to the thread pool.</summary>
    public void ApplyThreadPoolLimits()
    {
        ThreadPool.GetMinThreads(out _, out var minIo);
        ThreadPool.GetMaxThreads(out _, out var maxIo);
        if (MaxThreads is int max) ThreadPool.SetMaxThreads(max, maxIo);
        if (MinThreads is int min) ThreadPool.SetMinThreads(min, minIo);
    }
}
