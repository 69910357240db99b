// GetOrAdd with a Lazy: however many requests race with one key, exactly one order is created.
void MapOrders(WebApplication app)
{
    var orders = new ConcurrentDictionary<int, PlacedOrder>();
    var keys = new ConcurrentDictionary<string, Lazy<PlacedOrder>>();
    var next = 0;
    PlacedOrder Create(string item)
    {
        var order = new PlacedOrder(Interlocked.Increment(ref next), item);
        orders[order.Id] = order;
        return order;
    }
    app.MapPost("/orders", (string item, [FromHeader(Name = "Idempotency-Key")] string? key) =>
    {
        var order = key is null
            ? Create(item)
            : keys.GetOrAdd(key, _ => new Lazy<PlacedOrder>(() => Create(item))).Value;
        return Results.Created($"/orders/{order.Id}", order);
    });
    app.MapGet("/orders/count", () => orders.Count);
}

await Lesson04.Q3.Check(MapOrders)
