Action<WebApplication> orders = app =>
{
    // Await the async lookup: the thread goes back to the pool for the 50 ms the store takes.
    app.MapGet("/orders/{id}", async (int id) => await OrderStore.FindAsync(id));
};

await Lesson06.Q1.Check(orders)
