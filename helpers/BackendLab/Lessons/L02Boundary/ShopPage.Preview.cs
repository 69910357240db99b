using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L02Boundary;

public static partial class ShopPage
{
    /// <summary>
    /// The shop's page as a live page in the notebook's output: the same <see cref="Html"/> in a sandboxed frame, where
    /// its form and its checks run in your browser. It needs no server: the frame's <c>fetch</c> is replaced by one that
    /// shows the request the page would send (the view of a notebook may run on another machine than its servers, as in
    /// Codespaces, where <c>127.0.0.1</c> is not the container). Defined in lesson 2.
    /// </summary>
    /// <remarks>Try a quantity of 50, or 0: the browser and the page's script refuse it, and nothing is "sent".</remarks>
    public static IHtmlContent Preview()
    {
        var page = Html.Replace("  <p id=\"result\"></p>", "  <p id=\"result\"></p>\n" + PreviewStub);
        return new HtmlString(
            "<figure data-backendlab-page=\"shop\" style=\"margin:6px 0;font-family:system-ui,sans-serif\">" +
            "<iframe sandbox=\"allow-scripts allow-forms\" title=\"The shop's page\" style=\"width:100%;max-width:640px;height:330px;border:1px solid #999;border-radius:6px;background:#fff\" " +
            $"srcdoc=\"{System.Net.WebUtility.HtmlEncode(page)}\"></iframe>" +
            "<figcaption style=\"opacity:.8;font-size:13px\">The shop's page, running in your browser (preview: <code>fetch</code> shows the request instead of sending it).</figcaption></figure>");
    }

    /// <summary>Put before the page's own script: a stand-in for fetch that shows the request the page would send.</summary>
    private const string PreviewStub = """
          <p style="font:12px system-ui;margin:8px 0 2px">The request the page would send (preview: not sent):</p>
          <pre id="sent" style="background:#f4f4f4;padding:6px;font-size:12px;white-space:pre-wrap">(nothing yet: fill in the form and press Order)</pre>
          <script>
            window.fetch = async (url, init) => {
              document.getElementById('sent').textContent =
                init.method + ' ' + url + '\nContent-Type: ' + init.headers['Content-Type'] + '\n\n' + init.body;
              return new Response(null, { status: 201 });
            };
          </script>
        """;
}
