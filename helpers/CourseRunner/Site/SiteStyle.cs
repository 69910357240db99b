namespace CourseRunner.Site;

/// <summary>The site's one stylesheet and the shared page head (with the local plotly.js).</summary>
internal static class SiteStyle
{
    public const string Css = """
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2328; }
        pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
        .cell { margin: 1rem 0; }
        .code { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6rem 0.8rem; overflow-x: auto; }
        .cell-head { font-size: 0.8em; color: #59636e; }
        .output { border-left: 3px solid #d0d7de; padding: 0.2rem 0.8rem; margin: 0.4rem 0; overflow-x: auto; }
        .stream { margin: 0; white-space: pre-wrap; }
        .stderr { color: #9a6700; }
        .error { background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px; padding: 0.6rem 0.8rem; white-space: pre-wrap; margin: 0; }
        .status-ok { color: #1a7f37; } .status-failed { color: #cf222e; font-weight: bold; } .status-notrun { color: #59636e; }
        table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; text-align: left; }
        .site-nav { display: flex; justify-content: space-between; gap: 1rem; font-size: 0.9em; margin: 0.5rem 0 1rem; padding: 0.4rem 0; border-bottom: 1px solid #d0d7de; }
        .site-nav-middle a, .site-nav-middle b { margin: 0 0.3rem; }
        a.term { color: inherit; text-decoration: underline dotted; }
        .lessons td { vertical-align: top; } .objectives ul { margin: 0; padding-left: 1.1rem; } .intro { font-size: 1.05em; }
        dl.glossary dt { font-weight: bold; margin-top: 0.6rem; } dl.glossary dd { margin-left: 1rem; }
        :target { background: #fff8c5; } .help { font-size: 0.85em; color: #59636e; }
        """;

    public static string Head(string title) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{Html.Encode(title)}</title>
        <script src="assets/plotly.min.js"></script>
        <style>{Css}</style>
        </head>
        """;
}
