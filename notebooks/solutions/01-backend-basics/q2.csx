void MapVisits(WebApplication app)
{
    var visits = 0;    // declared outside the handlers: it lives as long as the server, shared by every client
    app.MapPost("/visits", () => Interlocked.Increment(ref visits));
    app.MapGet("/visits", () => Volatile.Read(ref visits));
}
