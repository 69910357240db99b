using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// What a <see cref="PageVisits"/> run cost the backend: requests that reached it, response bytes it sent, and time inside
/// its pipeline (from the server's own request log), in total and per user. Defined in lesson 2.
/// </summary>
public sealed record VisitCost : IHtmlContent
{
    /// <summary>What was measured, e.g. "server-rendered".</summary>
    public required string Label { get; init; }
    /// <summary>Simulated users.</summary>
    public required int Users { get; init; }
    /// <summary>Page views per user.</summary>
    public required int ViewsPerUser { get; init; }
    /// <summary>The caches in front of the backend.</summary>
    public required PageCache Cache { get; init; }
    /// <summary>Requests that reached the backend (its request log counted them).</summary>
    public required long BackendRequests { get; init; }
    /// <summary>Requests that reached the backend, per path (e.g. "/" and "/api/shop").</summary>
    public required IReadOnlyDictionary<string, long> RequestsByPath { get; init; }
    /// <summary>Response body bytes the backend sent (a 304 sends none).</summary>
    public required long BackendBytes { get; init; }
    /// <summary>Time the backend spent inside its pipeline, summed over every request it served, in milliseconds.</summary>
    public required double BackendMs { get; init; }
    /// <summary>The median time inside the backend's pipeline per request, per path, in milliseconds.</summary>
    public required IReadOnlyDictionary<string, double> MedianMsByPath { get; init; }
    /// <summary>Requests a browser's cache answered (never sent).</summary>
    public required long BrowserHits { get; init; }
    /// <summary>Requests the shared cache answered (never reached the backend).</summary>
    public required long SharedHits { get; init; }
    /// <summary>Requests the backend answered <c>304 Not Modified</c> (a revalidation: no body).</summary>
    public required long NotModified { get; init; }

    /// <summary>Page views in all: <see cref="Users"/> × <see cref="ViewsPerUser"/>.</summary>
    public int Views => Users * ViewsPerUser;
    /// <summary>Requests that reached the backend, per user.</summary>
    public double RequestsPerUser => (double)BackendRequests / Users;
    /// <summary>Response body bytes the backend sent, per user.</summary>
    public double BytesPerUser => (double)BackendBytes / Users;
    /// <summary>Time inside the backend's pipeline, per user, in milliseconds.</summary>
    public double MsPerUser => BackendMs / Users;

    /// <summary>A one-row table with a legend.</summary>
    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder) => writer.Write(PageVisits.Table(this).ToString());
}
