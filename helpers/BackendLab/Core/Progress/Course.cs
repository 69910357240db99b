namespace BackendLab;

/// <summary>
/// The whole course at a glance: <c>Course.Progress()</c> lists every exercise of every lesson, done or not yet, and
/// <c>Course.ResetProgress()</c> forgets your record. Every <c>Check(…)</c> records its outcome in a small file in your own
/// profile folder (<c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c>
/// on Windows, then <c>backend-fundamentals-csharp/progress.json</c>): no account, nothing sent anywhere, never in the
/// repository. The environment variable <c>BACKENDLAB_PROGRESS</c> set to <c>off</c> switches it off (the course runner and
/// the tests do); set to a file path, it keeps the record there instead.
/// </summary>
public static partial class Course
{
    /// <summary>
    /// Every exercise of the course with its lesson, whether it is done (a check said Correct at least once), its last
    /// check, and a link to its notebook; above them a summary such as "7 of 14 exercises done". Reads only; never throws.
    /// </summary>
    public static CourseProgress Progress()
    {
        var location = ProgressLocation.Current();
        var items = ProgressCatalogue.All();
        if (location.File is null) return new CourseProgress([.. items.Select(i => new ProgressRow(i, null, NotebookLinks.To(i.Notebook)))], null, location.OffBecause, null);
        ProgressSnapshot snapshot;
        try { snapshot = new ProgressStore(location.File).Read(); }
        catch (Exception e) { snapshot = new(new Dictionary<string, ProgressEntry>(), $"Your progress file {location.File} could not be read ({e.Message.Split('\n', 2)[0]})."); }
        var known = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var others = snapshot.Items.Keys.Where(id => !known.Contains(id) && id.Contains('/'))
            .Select(id => new CourseItem(id, snapshot.Items[id].Kind, "(not in this version of the course)", id[(id.LastIndexOf('/') + 1)..]));
        var rows = items.Concat(others)
            .Select(i => new ProgressRow(i, snapshot.Items.GetValueOrDefault(i.Id), NotebookLinks.To(i.Notebook)))
            .ToList();
        return new CourseProgress(rows, location.File, null, snapshot.Problem);
    }

    /// <summary>
    /// Forgets your progress. Without arguments it only says what it would forget; <c>Course.ResetProgress(confirm: true)</c>
    /// then deletes the progress file (and any <c>.corrupt</c> copy). Nothing else is touched. Never throws.
    /// </summary>
    /// <param name="confirm">True to really forget; false (the default) to see what would be forgotten.</param>
    public static ProgressNote ResetProgress(bool confirm = false)
    {
        var location = ProgressLocation.Current();
        if (location.File is null) return new("Progress is off here", $"There is nothing to forget in this process: {location.OffBecause}");
        var store = new ProgressStore(location.File);
        try
        {
            var items = store.Read().Items;
            if (items.Count == 0 && !File.Exists(store.CorruptCopy))
                return new("Nothing to forget", $"No check has recorded anything yet (the record would be `{location.File}`).");
            if (!confirm)
            {
                var done = items.Count(i => i.Value.EverCorrect);
                return new("Nothing forgotten yet",
                    $"This would forget what {items.Count} checked item{(items.Count == 1 ? "" : "s")} recorded ({done} done), kept in `{location.File}`. " +
                    "To forget it, run `Course.ResetProgress(confirm: true)`.",
                    string.Join('\n', items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{(i.Value.EverCorrect ? "✓ done " : "  not yet")}  {i.Key}")));
            }
            var forgotten = store.Reset();
            return new("Progress forgotten", $"Forgot {forgotten} item{(forgotten == 1 ? "" : "s")}: `{location.File}` is deleted. Your next check starts a new record.");
        }
        catch (Exception e)
        {
            return new("Progress not reset", $"`{location.File}` could not be changed: {e.Message.Split('\n', 2)[0]}");
        }
    }
}
