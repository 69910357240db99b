void MapOrders(WebApplication app, ShopDb db)
{
    app.MapPost("/orders", (OrderForm form) =>     // only the form's three fields can come in
    {
        var order = db.Insert(new Order
        {
            Product = form.Product, Quantity = form.Quantity, Note = form.Note,
            PriceCents = Shop.PriceOf(form.Product!, form.Quantity),
            IsAdmin = false,
        });
        return TypedResults.Created($"/orders/{order.Id}", order);
    });
}

await Lesson02.Q2.Check(MapOrders)
