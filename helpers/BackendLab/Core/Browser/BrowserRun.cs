namespace BackendLab;

/// <summary>One run of <see cref="HeadlessChromium.DumpDomAsync"/>: the page as it stood at the end, and how the run went.</summary>
/// <param name="Url">The page that was opened.</param>
/// <param name="Dom">The page's HTML after its scripts ran (empty when the browser failed or was killed).</param>
/// <param name="Milliseconds">Wall-clock time from starting Chromium to its exit, in milliseconds.</param>
/// <param name="ExitCode">Chromium's exit code (0 when all went well).</param>
/// <param name="TimedOut">True when the run hit its time limit and the browser was killed.</param>
/// <param name="Errors">What Chromium wrote to stderr (mostly harmless noise, e.g. about D-Bus in a container).</param>
public sealed record BrowserRun(string Url, string Dom, double Milliseconds, int ExitCode, bool TimedOut, string Errors)
{
    /// <summary>True when the browser finished in time with exit code 0 and dumped a page.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0 && Dom.Length > 0;
}
