// Time the whole pipeline after this middleware, and put the number in a header just before the headers leave.
async Task Timing(HttpContext context, RequestDelegate next)
{
    var start = Stopwatch.GetTimestamp();
    context.Response.OnStarting(() =>
    {
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        context.Response.Headers["Server-Timing"] = $"total;dur={ms.ToString("0.0", CultureInfo.InvariantCulture)}";
        return Task.CompletedTask;
    });
    await next(context);
}

await Lesson04.Q1.Check(Timing)
