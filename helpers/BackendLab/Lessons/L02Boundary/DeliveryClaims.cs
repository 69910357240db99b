using System.Globalization;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// What lesson 2's Part 4 says about its measurement, generated from the numbers and checked. Each condition is a pure
/// function of the <see cref="VisitCost"/>s: counts and bytes follow from the caching headers, and the one about time
/// compares medians of the backend's own per-request times, with a margin, so it holds on any number of cores, idle or busy.
/// Defined in lesson 2.
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
        var ssrMedian = rendered.MedianMsByPath.GetValueOrDefault("/");
        var apiMedian = browser.MedianMsByPath.GetValueOrDefault("/api/shop");
        var pageByShared = shared.RequestsByPath.GetValueOrDefault("/");
        return Claim.All(
            ($"with browser caches the split shop sent {Kb(browser.BytesPerUser)} per user, {N(rendered.BytesPerUser / Math.Max(browser.BytesPerUser, 1))}× fewer than server-rendered's {Kb(rendered.BytesPerUser)} (at least {BytesFactor}× expected)",
                browser.BytesPerUser * BytesFactor <= rendered.BytesPerUser),
            ($"with no cache at all the split shop made {noCache.BackendRequests} requests to the backend, more than server-rendered's {rendered.BackendRequests}, and sent {Kb(noCache.BytesPerUser)} per user against {Kb(rendered.BytesPerUser)}: splitting alone saves nothing",
                noCache.BackendRequests > rendered.BackendRequests && noCache.BytesPerUser * 1.25 >= rendered.BytesPerUser),
            ($"with a shared cache in front, {pageByShared} request for the page reached the backend for all {shared.Users} users (browser caches alone: {browser.RequestsByPath.GetValueOrDefault("/")})",
                pageByShared == 1 && browser.RequestsByPath.GetValueOrDefault("/") == browser.Users),
            ($"the backend's median time per request: {Us(ssrMedian)} to render the page, {Us(apiMedian)} for the API's JSON",
                ssrMedian > apiMedian),
            ($"in all, the backend spent {Ms(browser.MsPerUser)} per user with browser caches, against {Ms(rendered.MsPerUser)} rendering every view",
                browser.MsPerUser < rendered.MsPerUser));
    }

    private static string N(double x) => x.ToString(x >= 10 ? "#,0" : "0.0", CultureInfo.InvariantCulture);
    private static string Kb(double bytes) => (bytes / 1000).ToString("#,0.0", CultureInfo.InvariantCulture) + " KB";
    private static string Ms(double ms) => ms.ToString("#,0.00", CultureInfo.InvariantCulture) + " ms";
    private static string Us(double ms) => (ms * 1000).ToString("#,0", CultureInfo.InvariantCulture) + " µs";
}
