namespace BackendLab;

/// <summary>
/// Records each check's outcome in the learner's progress file (see <see cref="ProgressLocation"/>). This is the one call
/// the checks make; it never throws and never delays a check by more than the lock's bounded wait: when the file cannot
/// be written the check's result is still shown, with one line on stderr saying the progress was not saved.
/// </summary>
internal static class ProgressLog
{
    /// <summary>Records <paramref name="result"/> as the latest check of its exercise and returns it unchanged.</summary>
    public static CheckResult Recorded(CheckResult result)
    {
        Record(result.Exercise, "exercise", result.Outcome);
        return result;
    }

    /// <summary>
    /// Records one check of any checkable item: <paramref name="id"/> is "&lt;notebook&gt;/&lt;name&gt;", <paramref name="kind"/>
    /// "exercise" or "question". Returns true when it was saved, false when progress is off or the write failed.
    /// </summary>
    public static bool Record(string id, string kind, CheckOutcome outcome)
    {
        try
        {
            var location = ProgressLocation.Current();
            if (location.File is null) return false;
            var note = new ProgressStore(location.File).Record(id, kind, outcome, DateTimeOffset.UtcNow);
            if (note is not null) Say(note);
            return true;
        }
        catch (Exception e)
        {
            Say($"(Your progress was not saved this time: {e.Message.Split('\n', 2)[0]})");
            return false;
        }
    }

    static void Say(string line)
    {
        try { Console.Error.WriteLine(line); } catch (Exception) { /* a closed stderr must not break a check either */ }
    }
}
