using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// Simulates the network failing at the worst moment (Lesson 4): the server does the work and commits it, then the
/// connection drops before the response reaches the client. The client cannot tell "never arrived" from "done, but
/// the answer was lost"; if it retries, the work may happen twice.
/// </summary>
public static class LostResponses
{
    /// <summary>
    /// Adds middleware that lets the handler run to completion, then cuts the connection instead of sending the
    /// response, for the first <paramref name="count"/> requests whose method is <paramref name="method"/>.
    /// Place it before the endpoints. Returns a counter of how many responses were dropped so far.
    /// </summary>
    /// <param name="app">The app to add the middleware to.</param>
    /// <param name="count">How many responses to lose. Default: 1.</param>
    /// <param name="method">Which requests are affected. Default: POST.</param>
    public static LostResponseCounter UseLostResponses(this IApplicationBuilder app, int count = 1, string method = "POST")
    {
        ArgumentNullException.ThrowIfNull(app);
        var counter = new LostResponseCounter(count);
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.Equals(context.Request.Method, method) || !counter.TryTake())
            {
                await next(context);
                return;
            }
            // Hold the response back so not a byte of it leaves, let the handler commit, then drop the connection.
            var realBody = context.Response.Body;
            context.Response.Body = Stream.Null;
            try { await next(context); }
            finally { context.Response.Body = realBody; }
            context.Abort();
        });
        return counter;
    }
}

/// <summary>How many responses <see cref="LostResponses.UseLostResponses"/> has dropped, and how many it still will.</summary>
public sealed class LostResponseCounter
{
    int _left, _dropped;

    internal LostResponseCounter(int count) => _left = count;

    /// <summary>Responses dropped so far.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Drops <paramref name="count"/> more responses from now on.</summary>
    public void DropNext(int count = 1) => Interlocked.Add(ref _left, count);

    internal bool TryTake()
    {
        while (true)
        {
            var left = Volatile.Read(ref _left);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref _left, left - 1, left) == left) { Interlocked.Increment(ref _dropped); return true; }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Dropped} response(s) dropped";
}
