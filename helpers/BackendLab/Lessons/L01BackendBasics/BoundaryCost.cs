using System.Globalization;

namespace BackendLab.Lessons.L01BackendBasics;

/// <summary>
/// What crossing the client–server boundary cost, from lesson 1's two measurements and the server's own log: the median
/// of a direct function call, the median of the same work asked for as a request, and the median time the server's
/// pipeline spent on those requests (its <see cref="RequestLog"/>). The rest of a request's time is the trip: the client
/// writing and reading, the operating system carrying the bytes both ways, Kestrel reading and parsing them.
/// <code>var cost = BoundaryCost.Of(direct, overHttp, shop.Log, "/price?item=book&amp;quantity=2");</code>
/// </summary>
/// <param name="CallMicroseconds">The direct call's median, in microseconds.</param>
/// <param name="RequestMicroseconds">The request's median as the client waited for it, in microseconds.</param>
/// <param name="ServerMicroseconds">The median time the server's pipeline spent on such a request (its log), in microseconds.</param>
public sealed record BoundaryCost(double CallMicroseconds, double RequestMicroseconds, double ServerMicroseconds)
{
    /// <summary>The costs from a direct-call measurement, a request measurement and the log of the server that answered.</summary>
    /// <param name="direct">The direct calls (e.g. from <see cref="DirectCall.Time"/>).</param>
    /// <param name="overHttp">The requests (e.g. from <see cref="Measure.RepeatAsync"/>).</param>
    /// <param name="log">The server's log (<c>shop.Log</c>).</param>
    /// <param name="path">The requests' path and query, as the log shows it; the median is over the log's entries for it.</param>
    public static BoundaryCost Of(Measurement direct, Measurement overHttp, RequestLog log, string path)
    {
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(overHttp);
        ArgumentNullException.ThrowIfNull(log);
        var served = log.Where(r => r.Path == path).Select(r => r.DurationMs * 1000).Order().ToList();
        if (served.Count == 0) throw new ArgumentException($"The server's log has no request for '{path}'.", nameof(path));
        return new(direct.PercentileNanoseconds(50) / 1000, overHttp.PercentileNanoseconds(50) / 1000, served[served.Count / 2]);
    }

    /// <summary>How many direct calls fit in the time of one request: request ÷ call (medians).</summary>
    public double Factor => RequestMicroseconds / Math.Max(CallMicroseconds, 1e-6);

    /// <summary>The request's time outside the server's pipeline, in microseconds: request − server (never below 0).</summary>
    public double TripMicroseconds => Math.Max(RequestMicroseconds - ServerMicroseconds, 0);

    /// <summary>The server's share of the request, from 0 to 1: server ÷ request.</summary>
    public double ServerShare => RequestMicroseconds > 0 ? ServerMicroseconds / RequestMicroseconds : 0;

    /// <summary>A request's journey with the medians measured: the trip, the server's pipeline, and the function itself.</summary>
    public Picture Journey() => JourneyDiagram.Draw(
        $"One request for a price, median {Us(RequestMicroseconds)}: where the time goes (a direct call: {Us(CallMicroseconds)})",
        [("trip, both ways", TripMicroseconds / 1000), ("server pipeline", Math.Max(ServerMicroseconds - CallMicroseconds, 0) / 1000), ("Price itself", CallMicroseconds / 1000)]);

    /// <summary>Medians side by side on a log scale: the call, the server's part, the whole request.</summary>
    public Chart Chart() => BackendLab.Chart.Bar("A function call against a request, medians (log scale)")
        .Add("median", ["Price(...) called directly", "the server's part (its log)", "GET /price, as the client waited"],
            [CallMicroseconds, ServerMicroseconds, RequestMicroseconds])
        .YAxis("microseconds (log scale)", log: true);

    /// <summary>"0.042 µs", "141 µs", "1,230 µs".</summary>
    internal static string Us(double microseconds) => microseconds switch
    {
        < 1 => microseconds.ToString("0.###", CultureInfo.InvariantCulture),
        < 100 => microseconds.ToString("0.#", CultureInfo.InvariantCulture),
        _ => microseconds.ToString("#,0", CultureInfo.InvariantCulture),
    } + " µs";
}
