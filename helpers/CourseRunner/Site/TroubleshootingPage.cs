using System.Text;

namespace CourseRunner.Site;

/// <summary>The troubleshooting page: the problems learners meet, each under an anchor, with what they see and what to do.</summary>
internal static class TroubleshootingPage
{
    /// <summary>Anchor, title, what you see, what to do (HTML).</summary>
    public static readonly IReadOnlyList<(string Anchor, string Title, string Symptom, string Fix)> Problems =
    [
        ("build-not-done", "The build is not done",
            "The first cell fails with <code>error CS0006: Metadata file '../artifacts/bin/BackendLab/release/BackendLab.dll' could not be found</code>.",
            "Run <code>dotnet build</code> in a terminal at the repository root, then restart the notebook's kernel and run it again."),
        ("stale-backendlab", "A stale BackendLab.dll after a pull",
            "The first cell fails with <code>This notebook expects BackendLab API version N, but version M is loaded</code> (from <code>Course.Expect</code>), or a cell fails with <code>error CS0117</code> / <code>CS1061</code> about a BackendLab member that the notebook uses.",
            "The notebooks changed but the library in <code>artifacts/</code> is older. Run <code>dotnet build</code> at the repository root, then <b>restart the kernel</b>: a running kernel keeps the DLL it loaded first."),
        ("port-in-use", "A port is already in use",
            "A cell fails with <code>IOException: Failed to bind to address http://127.0.0.1:5000: address already in use</code>.",
            "Another process (or another notebook's kernel) holds the port. Servers started with <code>Servers.StartAsync</code> pick a free port by themselves; if you set <code>Port</code>, choose another, or run <code>await Servers.StopAllAsync()</code> in the other notebook, or restart its kernel. On Linux/macOS, <code>lsof -i :5000</code> shows who holds it."),
        ("redis-missing", "Redis is missing",
            "Lesson 5's Redis cells show a grey <b>skipped</b> box saying Redis is not reachable on 127.0.0.1:6379.",
            "A skip is not a failure: the lesson's other stores still run. To see Redis, start one with the command the box shows (the devcontainer has it), e.g. <code>redis-server --port 6379 --save '' --daemonize yes</code>, then run the cell again."),
        ("polyglot-missing", "Polyglot Notebooks is not installed",
            "VS Code opens the <code>.ipynb</code> file as JSON or asks for a Python kernel; there is no <b>.NET Interactive</b> kernel to pick.",
            "Install the <b>Polyglot Notebooks</b> extension (<code>ms-dotnettools.dotnet-interactive-vscode</code>) and the .NET SDK named in <code>global.json</code>, or open the repository in its devcontainer / Codespaces, where both are ready. Then reopen the notebook and pick the <b>.NET Interactive</b> kernel."),
    ];

    public static string Render(SiteNav nav)
    {
        var page = new StringBuilder(SiteStyle.Head("Troubleshooting — Backend Fundamentals, in C#"));
        page.Append("<body>\n").Append(nav.Render(SiteNav.TroubleshootingPage)).Append("<h1>Troubleshooting</h1>\n<ul>\n");
        foreach (var p in Problems) page.Append($"<li><a href=\"#{p.Anchor}\">{Html.Encode(p.Title)}</a></li>\n");
        page.Append("</ul>\n");
        foreach (var p in Problems)
            page.Append($"<section class=\"problem\" id=\"{p.Anchor}\"><h2>{Html.Encode(p.Title)}</h2>\n<p><b>What you see.</b> {p.Symptom}</p>\n<p><b>What to do.</b> {p.Fix}</p></section>\n");
        page.Append(nav.Render(SiteNav.TroubleshootingPage)).Append("</body>\n</html>\n");
        return page.ToString();
    }
}
