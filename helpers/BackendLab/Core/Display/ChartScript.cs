namespace BackendLab;

/// <summary>
/// Writes a chart's HTML: a div and a script that draws it with plotly.js.
/// If the page already has <c>window.Plotly</c> (the course site puts it in every page's head) it draws at once;
/// otherwise it loads plotly.js once per page from a CDN, through require.js when the page uses AMD modules.
/// </summary>
internal static class ChartScript
{
    /// <summary>Where plotly.js comes from when the page does not already have it.</summary>
    public const string PlotlyUrl = "https://cdn.jsdelivr.net/npm/plotly.js-cartesian-dist-min@4.1.1/plotly-cartesian.min.js";

    public static string Render(object data, object layout, int? width, int height)
    {
        var id = Html.NewId("backendlab-chart");
        var size = width is null ? $"width:100%;height:{height}px" : $"width:100%;max-width:{width}px;height:{height}px";
        return $$"""
            <div id="{{id}}" class="backendlab-chart" style="{{size}}"></div>
            <script type="text/javascript">
            (function () {
              var id = {{Html.ScriptJsonOf(id)}};
              var data = {{Html.ScriptJsonOf(data)}};
              var layout = {{Html.ScriptJsonOf(layout)}};
              var url = {{Html.ScriptJsonOf(PlotlyUrl)}};
              function draw(P) { P.newPlot(id, data, layout, { responsive: true, displaylogo: false }); }
              function fail() { var el = document.getElementById(id); if (el) el.textContent = "Could not load plotly.js from " + url; }
              if (window.Plotly) { draw(window.Plotly); return; }
              if (!window.backendLabPlotly) {
                window.backendLabPlotly = new Promise(function (resolve, reject) {
                  if (typeof window.require === "function" && typeof window.define === "function" && window.define.amd) {
                    window.require.config({ paths: { plotly: url.slice(0, -3) } });
                    window.require(["plotly"], function (P) { window.Plotly = window.Plotly || P; resolve(P); }, reject);
                  } else {
                    var s = document.createElement("script");
                    s.src = url;
                    s.onload = function () { resolve(window.Plotly); };
                    s.onerror = reject;
                    document.head.appendChild(s);
                  }
                });
              }
              window.backendLabPlotly.then(draw, function () { window.backendLabPlotly = null; fail(); });
            })();
            </script>
            """;
    }
}
