// Every cart lives in the shared store, one list per user; the instances keep nothing between requests.
void MapCart(WebApplication app, ISharedStore store)
{
    app.MapPost("/cart/{user}/items", async (string user, string item) =>
    {
        await store.AppendAsync($"cart:{user}", item);
        return Results.Ok();
    });
    app.MapGet("/cart/{user}", (string user) => store.ListAsync($"cart:{user}"));
}

await Lesson05.Q1.Check(MapCart)
