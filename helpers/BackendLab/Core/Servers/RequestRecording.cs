using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BackendLab;

/// <summary>The middleware that writes each request into a <see cref="RequestLog"/>.</summary>
internal static class RequestRecording
{
    public static void UseRequestRecording(this WebApplication app, RequestLog log) =>
        app.Use(async (context, next) =>
        {
            var time = DateTimeOffset.Now;
            var start = Stopwatch.GetTimestamp();
            string? error = null;
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
                throw;
            }
            finally
            {
                var request = context.Request;
                log.Add(new ServedRequest(
                    time, request.Method, request.Path.Value + request.QueryString.Value,
                    error is null ? context.Response.StatusCode : StatusCodes.Status500InternalServerError,
                    Stopwatch.GetElapsedTime(start).TotalMilliseconds, context.Response.ContentLength, error,
                    (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } route ? "/" + route.TrimStart('/') : null,
                    request.Headers.Origin.Count > 0 ? request.Headers.Origin.ToString() : null, request.ContentType,
                    request.Headers.Cookie.Count > 0 ? [.. request.Cookies.Keys] : null,
                    request.Headers.TryGetValue("Sec-Fetch-Site", out var site) ? site.ToString() : null));
            }
        });
}
