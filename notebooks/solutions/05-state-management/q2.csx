// The store adds in one atomic step, so no increment can be overwritten by another.
void MapScore(WebApplication app, ISharedStore store)
{
    app.MapPost("/score/{user}", (string user, int points) => store.IncrementAsync($"score:{user}", points));
    app.MapGet("/score/{user}", async (string user) => long.Parse(await store.GetAsync($"score:{user}") ?? "0"));
}

await Lesson05.Q2.Check(MapScore)
