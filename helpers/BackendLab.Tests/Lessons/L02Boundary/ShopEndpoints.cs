using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BackendLab.Tests.Lessons.L02Boundary;

/// <summary>The two shops lesson 2 writes in its cells, written the same way here for the tests.</summary>
static class ShopEndpoints
{
    public static void MapNaive(WebApplication app, ShopDb db)
    {
        app.MapPost("/orders", (Order order) =>
        {
            if (!order.IsAdmin) order.PriceCents = Shop.PriceOf(order.Product!, order.Quantity);
            db.InsertUnsafe(order);
            return Results.Ok(order);
        });
        app.MapGet("/orders", () => Results.Content(
            string.Concat(db.All().Select(o => $"<li>{o.Product} × {o.Quantity}: {o.Note}</li>")), "text/html"));
    }

    public static void MapHardened(WebApplication app, ShopDb db)
    {
        app.MapPost("/orders", [RequestSizeLimit(Shop.MaxBodyBytes)] (OrderForm form) =>
        {
            var order = db.Insert(new Order
            {
                Product = form.Product, Quantity = form.Quantity, Note = form.Note,
                PriceCents = Shop.PriceOf(form.Product!, form.Quantity),
            });
            return TypedResults.Created($"/orders/{order.Id}", order);
        });
        app.MapGet("/orders", () => Results.Content(
            string.Concat(db.All().Select(o => $"<li>{WebUtility.HtmlEncode(o.Product)} × {o.Quantity}: {WebUtility.HtmlEncode(o.Note)}</li>")), "text/html"));
    }
}
