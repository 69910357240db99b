void MapVisits(WebApplication app)
{
    var visits = 0;    // declared outside the handlers: it lives as long as the server, and every client shares it
    app.MapPost("/visits", () => Interlocked.Increment(ref visits));    // adds one safely, even when requests arrive together
    app.MapGet("/visits", () => visits);
}

await q2.Check(MapVisits)
