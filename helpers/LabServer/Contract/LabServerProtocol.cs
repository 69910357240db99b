namespace BackendLab;

/// <summary>
/// How BackendLab's <c>LabProcess</c> and the lab server talk: the command line and the line that announces the
/// address. This file is compiled into both (helpers/LabServer/Contract), so a rename cannot compile on one side only.
/// </summary>
public static class LabServerProtocol
{
    /// <summary>The stdout line prefix that announces the listening address, e.g. <c>LABSERVER LISTENING http://127.0.0.1:41234</c>.</summary>
    public const string ListeningPrefix = "LABSERVER LISTENING ";

    /// <summary>The TCP port on 127.0.0.1 (0: a free one).</summary>
    public const string PortOption = "--port";

    /// <summary>The thread pool's minimum worker threads.</summary>
    public const string MinThreadsOption = "--min-threads";

    /// <summary>The thread pool's maximum worker threads.</summary>
    public const string MaxThreadsOption = "--max-threads";

    /// <summary>The process id to watch: the server exits when that process exits.</summary>
    public const string ParentPidOption = "--parent-pid";

    /// <summary>The path of the stats endpoint (<see cref="LabServerStats"/>).</summary>
    public const string StatsPath = "/stats";

    /// <summary>Lesson 7: the path of the competing writer, another process booking seats in a capstone database file.</summary>
    public const string CompetingWriterPath = "/tickets/compete";

    /// <summary>The competing writer's first line: it has booked its first seat and goes on booking.</summary>
    public const string CompetingWriterReady = "ready";

    /// <summary>The competing writer's last line's prefix, followed by how many seats it booked, e.g. <c>booked 20</c>.</summary>
    public const string CompetingWriterBooked = "booked ";

    /// <summary>
    /// The path of the load generator: <c>POST</c> a load request (BackendLab's <c>SeparateProcessLoad</c> writes and reads it)
    /// and the lab server runs BackendLab's own load engine in ITS process, answering with the result as JSON.
    /// </summary>
    public const string LoadPath = "/load";

    /// <summary>The file the lab server loads the load engine from, in the folder above its own (<c>labserver/..</c>).</summary>
    public const string LoadEngineAssemblyFile = "BackendLab.dll";

    /// <summary>The public type whose <see cref="LoadEntryMethod"/> the lab server calls to run a load request.</summary>
    public const string LoadEntryType = "BackendLab.SeparateProcessLoad";

    /// <summary>
    /// The entry method: <c>static Task&lt;string&gt; RunSerializedAsync(string request, CancellationToken cancel)</c>,
    /// a load request as JSON in, the run's result as JSON out.
    /// </summary>
    public const string LoadEntryMethod = "RunSerializedAsync";
}
