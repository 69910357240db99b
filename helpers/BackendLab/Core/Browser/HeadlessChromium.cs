using System.Diagnostics;

namespace BackendLab;

/// <summary>
/// A real Chromium, run headless as a child process, for the things only a browser does (CORS preflights, what a
/// form post sends). The one way the course finds the browser: lessons and the test projects all call <see cref="Find"/>.
/// <code>var run = await HeadlessChromium.DumpDomAsync("http://127.0.0.1:5000/");   // run.Dom: the page after its scripts ran</code>
/// </summary>
public static class HeadlessChromium
{
    /// <summary>How to install a Chromium, as a line a person can paste.</summary>
    public const string InstallHint =
        "sudo apt-get install chromium   (Debian; the devcontainer has one already: bash .devcontainer/install-browser.sh reinstalls it)";

    /// <summary>
    /// The Chromium executable, or null when none is installed. Looked for in this order: <c>CHROMIUM_PATH</c> (when set,
    /// it is the only place looked at, so pointing it nowhere hides the browser); Debian's <c>/usr/bin/chromium</c>;
    /// a Chromium that Playwright's installer put under <c>PLAYWRIGHT_BROWSERS_PATH</c> or <c>~/.cache/ms-playwright</c>
    /// (the devcontainer installs one there, because Ubuntu has no Chromium package that runs in a container).
    /// </summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path)
            return File.Exists(path) ? path : null;
        if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        var browsers = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } b ? b
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (!Directory.Exists(browsers)) return null;
        return Directory.EnumerateDirectories(browsers, "chromium-*")
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .SelectMany(d => new[] { Path.Combine(d, "chrome-linux64", "chrome"), Path.Combine(d, "chrome-linux", "chrome") })
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The switches every run gets. Besides headless mode: a fresh profile per run, and nothing that calls out of the
    /// machine (no first-run page, update checks, sync, component downloads or background networking).
    /// <c>--no-sandbox</c>: Chromium's sandbox cannot start as root or in most containers (no user namespaces), where
    /// the course runs; the pages it opens are the lesson's own, on loopback (Playwright turns it off by default too).
    /// </summary>
    public static IReadOnlyList<string> Switches { get; } =
    [
        "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-default-apps", "--metrics-recording-only", "--mute-audio",
    ];

    /// <summary>
    /// Opens <paramref name="url"/> in a headless Chromium, lets its scripts run, and returns the page's DOM as it then
    /// stands (<c>--dump-dom</c>): a page can write what happened into itself. Bounded: after <paramref name="timeout"/>
    /// (default 30 s) the browser and every process it started are killed. Throws when no Chromium is installed
    /// (check <see cref="Find"/> first).
    /// </summary>
    /// <param name="url">The page, normally on 127.0.0.1.</param>
    /// <param name="virtualTimeBudgetMs">How much page time (timers, network waits) Chromium lets pass before it dumps the DOM.</param>
    /// <param name="timeout">The wall-clock limit for the whole run.</param>
    public static async Task<BrowserRun> DumpDomAsync(string url, int virtualTimeBudgetMs = 5000, TimeSpan? timeout = null)
    {
        var chromium = Find() ?? throw new InvalidOperationException($"Chromium not found; install it with: {InstallHint}");
        var profile = Directory.CreateTempSubdirectory("backendlab-chromium-");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var s in Switches) start.ArgumentList.Add(s);
        start.ArgumentList.Add($"--user-data-dir={profile.FullName}");
        start.ArgumentList.Add($"--virtual-time-budget={virtualTimeBudgetMs}");
        start.ArgumentList.Add("--dump-dom");
        start.ArgumentList.Add(url);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{chromium} did not start.");
        var dom = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30)))
        {
            try { await process.WaitForExitAsync(limit.Token); }
            catch (OperationCanceledException) { timedOut = true; }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
        }
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var run = new BrowserRun(url, await dom, elapsed, process.ExitCode, timedOut, await errors);
        try { profile.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return run;
    }
}
