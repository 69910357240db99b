using System.Net;
using System.Text;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>One customer's view of the shop: what differs from one user to the next (greeting, cart) and the products shown.</summary>
/// <param name="User">Who is looking, e.g. "customer 7".</param>
/// <param name="Cart">Product names in this customer's cart.</param>
/// <param name="Products">The products on the page, with their prices in cents.</param>
public sealed record ShopView(string User, IReadOnlyList<string> Cart, IReadOnlyList<ShopProduct> Products);

/// <summary>A product on the shop's page.</summary>
public sealed record ShopProduct(string Name, long PriceCents);

/// <summary>
/// The shop's page delivered two ways, for lesson 2's scalability measurement. <see cref="Render"/> builds the whole page
/// for one user on every request (server-rendered HTML). <see cref="StaticPage"/> is the same layout with no user data in
/// it: the same bytes for everyone, so any cache may keep it, and its script fetches <see cref="DataFor"/> as JSON from
/// <c>/api/shop</c>. Defined in lesson 2.
/// </summary>
public static class ShopViews
{
    // The layout both deliveries share: styles (a real shop's are often far larger) and a footer.
    private static readonly string Head = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Tiny shop</title>\n<style>\n" +
        string.Concat(Enumerable.Range(0, 160).Select(i =>
            $".shop-block-{i} {{ margin: {i % 7}px {i % 5}px; padding: {i % 4}px; color: #{i * 2654435761L % 0xFFFFFF:x6}; border-radius: {i % 6}px; }}\n")) +
        "</style></head>\n<body>\n";

    private static readonly string Foot = "<footer>" + string.Concat(Enumerable.Range(1, 40).Select(i =>
        $"<a class=\"shop-block-{i}\" href=\"/help/{i}\">Help topic {i}</a> ")) + "</footer>\n";

    /// <summary>The products every page shows (30, with prices).</summary>
    public static IReadOnlyList<ShopProduct> Products { get; } = Enumerable.Range(1, 30)
        .Select(i => new ShopProduct($"{Shop.Catalog.Keys.ElementAt(i % 3)} no. {i}", Shop.Catalog.Values.ElementAt(i % 3) + 10 * i)).ToList();

    /// <summary>The data one page view needs for <paramref name="user"/> (a cookie's value; null is a guest).</summary>
    public static ShopView DataFor(string? user)
    {
        var who = string.IsNullOrWhiteSpace(user) ? "guest" : $"customer {user}";
        var n = int.TryParse(user, out var k) ? Math.Abs(k % 3) + 1 : 1;
        return new ShopView(who, Products.Take(n).Select(p => p.Name).ToList(), Products);
    }

    /// <summary>The full page for one view, built on the server for this request (what server-side rendering does).</summary>
    public static string Render(ShopView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = new StringBuilder(Head.Length + 8_192).Append(Head);
        html.Append("<header><h1>Tiny shop</h1><p class=\"hello\">Hello, ").Append(WebUtility.HtmlEncode(view.User))
            .Append(" — ").Append(view.Cart.Count).Append(" item(s) in your cart</p></header>\n<ul class=\"cart\">");
        foreach (var item in view.Cart) html.Append("<li>").Append(WebUtility.HtmlEncode(item)).Append("</li>");
        html.Append("</ul>\n<table class=\"products\">");
        foreach (var p in view.Products)
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(p.Name)).Append("</td><td class=\"price\">")
                .Append((p.PriceCents / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        return html.Append("</table>\n").Append(Foot).Append("</body></html>").ToString();
    }

    /// <summary>The page with no user data: the layout and a script that fetches <c>/api/shop</c> and fills it in. Identical for every user.</summary>
    public static string StaticPage { get; } = Head +
        "<header><h1>Tiny shop</h1><p class=\"hello\"></p></header>\n<ul class=\"cart\"></ul>\n<table class=\"products\"></table>\n" + Foot +
        """
        <script>
          fetch('/api/shop').then(r => r.json()).then(view => {
            document.querySelector('.hello').textContent = `Hello, ${view.user} — ${view.cart.length} item(s) in your cart`;
            for (const item of view.cart) document.querySelector('.cart').append(Object.assign(document.createElement('li'), { textContent: item }));
            for (const p of view.products) {
              const row = document.querySelector('.products').insertRow();
              row.insertCell().textContent = p.name;
              Object.assign(row.insertCell(), { className: 'price', textContent: (p.priceCents / 100).toFixed(2) });
            }
          });
        </script>
        </body></html>
        """;

    /// <summary>An entity tag for <see cref="StaticPage"/> (it changes only when the page does).</summary>
    public static string StaticPageETag { get; } = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(StaticPage)))[..16]}\"";

}
