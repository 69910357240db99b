using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>Lesson 2's exercises: <c>await Lesson02.Q1.Check(PostReview)</c>, <c>Lesson02.Q1.Hint()</c>…</summary>
public static partial class Lesson02
{
    /// <summary>Validate a review at the boundary: 400 problem details naming each broken field, 201 otherwise.</summary>
    public static readonly ReviewValidationExercise Q1 = new();

    /// <summary>Close the over-posting hole: the client must not choose <c>isAdmin</c> or the price.</summary>
    public static readonly OverPostingExercise Q2 = new();
}

/// <summary>
/// Lesson 2, q1: <c>POST /reviews</c> must refuse a <see cref="ReviewForm"/> that breaks a rule with
/// <c>400</c> problem details whose <c>errors</c> map names each broken field, and accept a valid one with <c>201</c>.
/// </summary>
public sealed class ReviewValidationExercise : Exercise
{
    internal ReviewValidationExercise() : base("02-frontend-backend-boundary/q1", "Validate a review at the boundary",
    [
        "Collect problems in a `Dictionary<string, string[]>`, one entry per broken field: `errors[\"Stars\"] = [\"Give 1 to 5 stars.\"]`.",
        "Check all three rules before deciding: a product from `Shop.Catalog`, `Stars` from 1 to 5, a `Text` that is not blank and at most 500 characters.",
        "If the dictionary has entries, `return TypedResults.ValidationProblem(errors);` (400 with an `errors` map); otherwise `return TypedResults.Created(\"/reviews/1\", review);`.",
    ]) { }

    /// <summary>The reviews sent, in order, and the fields that are wrong in each (empty: the review is valid).</summary>
    internal static readonly (string Name, object Body, string[] Broken)[] Cases =
    [
        ("a valid review", new { product = "mug", stars = 5, text = "Keeps my tea hot." }, []),
        ("0 stars", new { product = "mug", stars = 0, text = "Meh." }, ["Stars"]),
        ("6 stars", new { product = "book", stars = 6, text = "Best book ever!" }, ["Stars"]),
        ("a product that is not sold", new { product = "pen", stars = 4, text = "Nice pen." }, ["Product"]),
        ("no product at all", new { stars = 4, text = "Nice." }, ["Product"]),
        ("an empty text", new { product = "shirt", stars = 3, text = "" }, ["Text"]),
        ("a 501-character text", new { product = "shirt", stars = 3, text = new string('a', 501) }, ["Text"]),
        ("1 star and a 500-character text (both allowed)", new { product = "book", stars = 1, text = new string('b', 500) }, []),
        ("everything wrong at once", new { product = "pen", stars = 9, text = "  " }, ["Product", "Stars", "Text"]),
    ];

    /// <summary>Starts <c>POST /reviews</c> with your handler, sends valid and invalid reviews, and judges the answers. Never throws.</summary>
    public Task<CheckResult> Check(Func<ReviewForm, IResult> postReview) => RunAsync(postReview, async run =>
        {
            var server = await run.StartServerAsync(app => { app.MapPost("/reviews", (ReviewForm review) => postReview(review)); });
            foreach (var (name, body, broken) in Cases)
            {
                var sent = $"`POST /reviews` with {name}";
                var request = new HttpRequestMessage(HttpMethod.Post, "/reviews") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
                var reply = await run.SendAsync(server.Client, request, sent, server);
                var (status, text) = (reply.Status, reply.Body);
                if (broken.Length == 0)
                {
                    if (status is < 200 or >= 300)
                        return run.Wrong($"{sent} got `{status}` with `{Cut(text)}`, but this review is valid: it should be accepted with `201 Created`." +
                                         (name.StartsWith("1 star") ? " Check your limits: 1 star and exactly 500 characters are allowed." : ""));
                    run.Step($"✓ {name} → {status}");
                    continue;
                }
                if (status is >= 200 and < 300)
                    return run.Wrong($"{sent} was accepted (`{status}`), but `{string.Join("`, `", broken)}` breaks a rule. The backend must refuse it with `400`.");
                if (status != 400) return run.Wrong($"{sent} got `{status}`; a broken rule is the client's mistake: answer `400 Bad Request`.");
                var keys = ErrorKeys(text);
                if (keys is null)
                    return run.Wrong($"{sent} got `400`, but its body `{Cut(text)}` has no `errors` map. " +
                                     "Return `TypedResults.ValidationProblem(errors)` so the client learns which field is wrong.");
                var missing = broken.Where(b => !keys.Contains(b, StringComparer.OrdinalIgnoreCase)).ToList();
                if (missing.Count > 0)
                    return run.Wrong($"{sent}: the `errors` map has {(keys.Count == 0 ? "no keys" : $"`{string.Join("`, `", keys)}`")} but not `{string.Join("`, `", missing)}`. " +
                                     "Name each key after the field that is wrong, and check every rule before returning.");
                var extra = keys.Where(k => !broken.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
                if (extra.Count > 0)
                    return run.Wrong($"{sent}: the `errors` map also blames `{string.Join("`, `", extra)}`, which is fine in this review.");
                run.Step($"✓ {name} → 400, errors: {string.Join(", ", keys)}");
            }
            return run.Correct($"All {Cases.Length} reviews got the right answer: valid ones accepted, each broken rule named in a 400 problem details.");
        });

    static List<string>? ErrorKeys(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Name.Equals("errors", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Object)
                    return p.Value.EnumerateObject().Select(e => e.Name).ToList();
            return null;
        }
        catch (JsonException) { return null; }
    }

    static string Cut(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

/// <summary>
/// Lesson 2, q2: map <c>POST /orders</c> so an honest order is stored at the catalog price, and an order that also sends
/// <c>isAdmin</c> and <c>priceCents</c> is either refused or stored as if those fields were not there.
/// </summary>
public sealed class OverPostingExercise : Exercise
{
    internal OverPostingExercise() : base("02-frontend-backend-boundary/q2", "Close the over-posting hole",
    [
        "The handler binds `Order`, the database row, so every column is the client's to choose. Bind `OrderForm` instead: it has only the form's three fields.",
        "Build the row yourself: `new Order { Product = form.Product, Quantity = form.Quantity, Note = form.Note, PriceCents = Shop.PriceOf(form.Product!, form.Quantity) }`, then `db.Insert(order)`.",
        "Return `TypedResults.Created($\"/orders/{order.Id}\", order)`.",
    ]) { }

    internal const string HonestBody = """{"product":"mug","quantity":2,"note":"for the office"}""";
    internal const string OverPostedBody = """{"product":"shirt","quantity":3,"note":"","isAdmin":true,"priceCents":0,"id":999}""";

    /// <summary>
    /// Starts a server whose endpoints <paramref name="mapOrders"/> maps (given a fresh, empty <see cref="ShopDb"/>), sends an honest
    /// order and an over-posted one, then reads the database. Never throws.
    /// </summary>
    public Task<CheckResult> Check(Action<WebApplication, ShopDb> mapOrders) => RunAsync(mapOrders, async run =>
        {
            var db = ShopDb.CreateTemporary();
            try { return await JudgeAsync(run, await run.StartServerAsync(app => mapOrders(app, db)), db); }
            finally { try { File.Delete(db.Path); } catch (IOException) { } }
        });

    async Task<CheckResult> JudgeAsync(CheckRun run, RunningServer server, ShopDb db)
    {
        var (status, text) = await PostAsync(run, server, "An honest order", HonestBody);
        if (status == 404 || status == 405) return run.Wrong($"`POST /orders` got `{status}`: map a POST endpoint at `/orders`.");
        if (status is < 200 or >= 300) return run.Wrong($"An honest order (`{HonestBody}`) got `{status}` with `{text}`; it should be accepted with `201`.");
        var honest = db.All();
        if (honest.Count != 1)
            return run.Wrong($"After one honest order the database holds {honest.Count} orders; it should hold 1. Does the handler call `db.Insert(…)` once?");
        if (honest[0].PriceCents != Shop.PriceOf("mug", 2))
            return run.Wrong($"The honest order (2 mugs) was stored with `price_cents` = {honest[0].PriceCents}; it should be {Shop.PriceOf("mug", 2)}. Compute it with `Shop.PriceOf(product, quantity)`.");

        (status, text) = await PostAsync(run, server, "The over-posted order", OverPostedBody);
        run.Step($"Sent: `{OverPostedBody}` → `{status}`.");
        if (status is >= 400 and < 500) return run.Correct("The over-posted order was refused, and the honest one stored at the catalog price.");
        var orders = db.All();
        if (orders.Count != 2) return run.Wrong($"The over-posted order got `{status}`, but the database holds {orders.Count} orders (wanted 2).");
        var stored = orders[^1];
        if (stored.IsAdmin)
            return run.Wrong("The over-posted order was stored with `is_admin` = 1: the client chose a field only the server may set. " +
                             "Bind a type that has only the form's fields, and build the `Order` on the server.");
        if (stored.PriceCents != Shop.PriceOf("shirt", 3))
            return run.Wrong($"The over-posted order (3 shirts) was stored with `price_cents` = {stored.PriceCents}; wanted {Shop.PriceOf("shirt", 3)}. The client sent `priceCents: 0` — it must not choose the price.");
        if (stored.Id == 999) return run.Wrong("The over-posted order was stored under the id the client sent (999). Let the database choose ids.");
        return run.Correct("Over-posting has nowhere to go: the extra fields were ignored and the server set the price and `is_admin` itself.");
    }

    static async Task<(int Status, string Body)> PostAsync(CheckRun run, RunningServer server, string name, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var reply = await run.SendAsync(server.Client, request, name, server);
        return (reply.Status, reply.Body);
    }
}
