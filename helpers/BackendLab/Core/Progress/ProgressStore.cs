using System.Diagnostics;
using System.Text.Json;

namespace BackendLab;

/// <summary>What was read from the progress file: its items, and a one-line problem when the file could not be read.</summary>
internal sealed record ProgressSnapshot(IReadOnlyDictionary<string, ProgressEntry> Items, string? Problem);

/// <summary>
/// Reads and changes the progress file safely when several notebooks (several kernel processes) check at the same moment:
/// every access holds an exclusive lock on <c>progress.json.lock</c> (a <see cref="FileStream"/> opened with
/// <see cref="FileShare.None"/>, retried with backoff up to <see cref="LockWait"/>), and every write goes to a temp file
/// that is then renamed over the old one, so a reader never sees half a file. An unreadable file is moved to
/// <c>progress.json.corrupt</c> and replaced, never a crash.
/// </summary>
internal sealed class ProgressStore(string file)
{
    /// <summary>How long to wait for another process's lock before giving up. Default: 10 seconds.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The progress file.</summary>
    public string File { get; } = Path.GetFullPath(file);

    string LockFile => File + ".lock";

    /// <summary>Where an unreadable progress file is kept before it is replaced.</summary>
    public string CorruptCopy => File + ".corrupt";

    /// <summary>Reads the items (under the lock). Creates nothing when there is no file yet.</summary>
    public ProgressSnapshot Read()
    {
        if (!System.IO.File.Exists(File)) return new(new Dictionary<string, ProgressEntry>(), null);
        using var _ = Lock();
        var (progress, problem) = Load();
        return new(progress.Items, problem);
    }

    /// <summary>
    /// Records one check of item <paramref name="id"/>. Returns a one-line note when an unreadable file had to be
    /// replaced, else null. Throws when the file cannot be written (the caller turns that into a note).
    /// </summary>
    public string? Record(string id, string kind, CheckOutcome outcome, DateTimeOffset at)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        using var _ = Lock();
        var (progress, problem) = Load();
        if (problem is not null) System.IO.File.Move(File, CorruptCopy, overwrite: true);
        progress.Items[id] = ProgressEntry.After(progress.Items.GetValueOrDefault(id), kind, outcome, at);
        Write(progress);
        return problem is null ? null : $"{problem} It was replaced; the old file was kept as {CorruptCopy}.";
    }

    /// <summary>Deletes the progress file and any <c>.corrupt</c> copy; returns how many items were forgotten.</summary>
    public int Reset()
    {
        if (!System.IO.File.Exists(File) && !System.IO.File.Exists(CorruptCopy)) return 0;
        using var _ = Lock();
        var (progress, _) = Load();
        System.IO.File.Delete(File);
        System.IO.File.Delete(CorruptCopy);
        return progress.Items.Count;
    }

    (ProgressFile Progress, string? Problem) Load()
    {
        if (!System.IO.File.Exists(File)) return (ProgressFile.Empty(), null);
        try { return (ProgressFile.Parse(System.IO.File.ReadAllText(File)), null); }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (ProgressFile.Empty(), $"Your progress file {File} could not be read ({FirstLine(e.Message)}).");
        }
    }

    void Write(ProgressFile progress)
    {
        var temp = $"{File}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(progress.ToJson()); // no fsync: after a power cut the worst case is a corrupt file, which is replaced
            }
            System.IO.File.Move(temp, File, overwrite: true); // a rename: readers see the old file or the new one, never half
        }
        finally
        {
            if (System.IO.File.Exists(temp)) System.IO.File.Delete(temp);
        }
    }

    /// <summary>Takes the exclusive lock, retrying with growing, jittered pauses; throws <see cref="TimeoutException"/> after <see cref="LockWait"/>.</summary>
    FileStream Lock()
    {
        var clock = Stopwatch.StartNew();
        var pause = 1;
        while (true)
        {
            try { return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (clock.Elapsed < LockWait && System.IO.File.Exists(LockFile))
            {
                Thread.Sleep(pause + Random.Shared.Next(pause + 1));
                pause = Math.Min(pause * 2, 16); // short pauses: a write holds the lock for about a millisecond
            }
            catch (IOException e) when (clock.Elapsed >= LockWait)
            {
                throw new TimeoutException($"another notebook held {LockFile} for more than {LockWait.TotalSeconds:0} s", e);
            }
        }
    }

    static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
