using System.Globalization;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// What lesson 2's Part 4 says about its measurement, generated from the numbers and checked. Each condition is a pure
/// function of the <see cref="VisitCost"/>s: counts and bytes follow from the caching headers, so they hold on any number
/// of cores, idle or busy. Time is read, not claimed (<see cref="TimeReading"/>): this page takes tens of microseconds to
/// build, about what any request costs, so which of two medians is larger changes from run to run. Defined in lesson 2.
/// </summary>
public static class DeliveryClaims
{
    /// <summary>How many times fewer bytes per user the split shop with browser caches must send than the server-rendered one.</summary>
    public const double BytesFactor = 2;

    /// <summary>The four runs of Part 4: server-rendered, split without cache, split with browser caches, split with a shared cache too.</summary>
    public static Claim Separation(VisitCost rendered, VisitCost noCache, VisitCost browser, VisitCost shared)
    {
        ArgumentNullException.ThrowIfNull(rendered); ArgumentNullException.ThrowIfNull(noCache);
        ArgumentNullException.ThrowIfNull(browser); ArgumentNullException.ThrowIfNull(shared);
        var pageByShared = shared.RequestsByPath.GetValueOrDefault("/");
        return Claim.All(
            ($"with browser caches the split shop sent {Kb(browser.BytesPerUser)} per user, {N(rendered.BytesPerUser / Math.Max(browser.BytesPerUser, 1))}× fewer than server-rendered's {Kb(rendered.BytesPerUser)} (at least {BytesFactor}× expected)",
                browser.BytesPerUser * BytesFactor <= rendered.BytesPerUser),
            ($"with no cache at all the split shop made {noCache.BackendRequests} requests to the backend, more than server-rendered's {rendered.BackendRequests}, and sent {Kb(noCache.BytesPerUser)} per user against {Kb(rendered.BytesPerUser)}: splitting alone saves nothing",
                noCache.BackendRequests > rendered.BackendRequests && noCache.BytesPerUser * 1.25 >= rendered.BytesPerUser),
            ($"with a shared cache in front, {pageByShared} request for the page reached the backend for all {shared.Users} users (browser caches alone: {browser.RequestsByPath.GetValueOrDefault("/")})",
                pageByShared == 1 && browser.RequestsByPath.GetValueOrDefault("/") == browser.Users));
    }

    /// <summary>How much more time per request rendering took, against the API, for <see cref="TimeReading"/> to say "more".</summary>
    public const double TimeFactor = 1.5;

    /// <summary>
    /// The backend's time, in words generated from the two runs: the median time per request to render the page against the
    /// API's, and the time per user. Says rendering cost more only when its median was at least <see cref="TimeFactor"/>× the
    /// API's (and the API more only the other way round), else "about the same": on this small page the two are close.
    /// </summary>
    public static string TimeReading(VisitCost rendered, VisitCost browser)
    {
        ArgumentNullException.ThrowIfNull(rendered); ArgumentNullException.ThrowIfNull(browser);
        var ssrMedian = rendered.MedianMsByPath.GetValueOrDefault("/");
        var apiMedian = browser.MedianMsByPath.GetValueOrDefault("/api/shop");
        var medians = $"Time inside the backend, median per request: {Us(ssrMedian)} to render the page, {Us(apiMedian)} for the API's JSON";
        var ratio = ssrMedian / Math.Max(apiMedian, 1e-9);
        var reading = ratio >= TimeFactor ? $" ({N(ratio)}×): building the whole page cost the median view more time, as well as more bytes."
            : ratio * TimeFactor <= 1 ? ": the API's answer took longer on this run. This page is quick to build, so the median request's time is mostly the pipeline every request goes through."
            : ": about the same on this run. This page is small and quick to build, so the median request's time is mostly the pipeline every request goes through.";
        return $"{medians}{reading} In all, per user: {Ms(rendered.MsPerUser)} rendering every view, {Ms(browser.MsPerUser)} with browser caches.";
    }

    private static string N(double x) => x.ToString(x >= 10 ? "#,0" : "0.0", CultureInfo.InvariantCulture);
    private static string Kb(double bytes) => (bytes / 1000).ToString("#,0.0", CultureInfo.InvariantCulture) + " KB";
    private static string Ms(double ms) => ms.ToString("#,0.00", CultureInfo.InvariantCulture) + " ms";
    private static string Us(double ms) => (ms * 1000).ToString("#,0", CultureInfo.InvariantCulture) + " µs";
}
