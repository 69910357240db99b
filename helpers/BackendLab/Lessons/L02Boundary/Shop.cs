using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// What a shop customer may send: the three fields of the order form, and nothing else.
/// A handler that binds this record instead of <see cref="Order"/> cannot be over-posted:
/// JSON fields such as <c>isAdmin</c> or <c>priceCents</c> have nowhere to go.
/// Defined in lesson 2.
/// </summary>
/// <remarks>
/// The attributes are the shop's rules. ASP.NET Core checks them before the handler runs once
/// <c>builder.Services.AddShopValidation()</c> is called (see <see cref="ShopValidation"/>).
/// </remarks>
public record OrderForm(
    [Required(ErrorMessage = "Choose a product.")]
    [AllowedValues("book", "mug", "shirt", ErrorMessage = "Choose one of: book, mug, shirt.")] string? Product,
    [Range(Shop.MinQuantity, Shop.MaxQuantity)] int Quantity,
    [StringLength(Shop.MaxNoteLength)] string? Note);

/// <summary>
/// One row of the shop's <c>orders</c> table, as the database stores it. Some fields are the
/// server's business (<see cref="PriceCents"/>, <see cref="IsAdmin"/>): a client must never set them.
/// Defined in lesson 2.
/// </summary>
public class Order
{
    /// <summary>The row id the database gave the order.</summary>
    public long Id { get; set; }
    /// <summary>One of <see cref="Shop.Catalog"/>'s product names.</summary>
    public string? Product { get; set; }
    /// <summary>How many items (the form allows 1 to 10).</summary>
    public int Quantity { get; set; }
    /// <summary>A free-text note shown on the shop's orders page.</summary>
    public string? Note { get; set; }
    /// <summary>What the customer pays, in cents. The server computes it from the catalog.</summary>
    public long PriceCents { get; set; }
    /// <summary>Staff orders are free. Only the server may set this.</summary>
    public bool IsAdmin { get; set; }
}

/// <summary>
/// The lesson-2 shop: a catalog, its rules, and its SQLite database.
/// Defined in lesson 2.
/// </summary>
public static class Shop
{
    /// <summary>Products and their unit prices in cents.</summary>
    public static IReadOnlyDictionary<string, long> Catalog { get; } = new Dictionary<string, long>
    {
        ["book"] = 1_500, ["mug"] = 900, ["shirt"] = 2_000,
    };

    /// <summary>The smallest and largest quantity one order may have.</summary>
    public const int MinQuantity = 1, MaxQuantity = 10;

    /// <summary>The longest note, in characters.</summary>
    public const int MaxNoteLength = 200;

    /// <summary>The largest request body the hardened shop reads, in bytes (16 KB; the form sends a few hundred).</summary>
    public const long MaxBodyBytes = 16 * 1024;

    /// <summary>The price of <paramref name="quantity"/> items of <paramref name="product"/>, in cents.</summary>
    public static long PriceOf(string product, int quantity) => Catalog[product] * quantity;
}

/// <summary>
/// The shop's database: one SQLite file with an <c>orders</c> table. Each call opens its own connection.
/// <see cref="InsertUnsafe"/> glues the values into the SQL text (the classic injection hole);
/// <see cref="Insert"/> passes them as parameters. Defined in lesson 2.
/// </summary>
public sealed class ShopDb
{
    /// <summary>Opens (and creates if needed) the database at <paramref name="path"/>.</summary>
    public ShopDb(string path)
    {
        Path = path;
        Execute("CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, product TEXT, quantity INTEGER, " +
                "price_cents INTEGER, is_admin INTEGER, note TEXT)");
    }

    /// <summary>A fresh, empty database in a new temporary file.</summary>
    public static ShopDb CreateTemporary() =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"backendlab-shop-{Guid.NewGuid():N}.db"));

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Stores <paramref name="order"/> with its values passed as SQL parameters, and returns it with its new <see cref="Order.Id"/>.</summary>
    public Order Insert(Order order)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO orders (product, quantity, price_cents, is_admin, note) " +
                              "VALUES ($product, $quantity, $price, $admin, $note) RETURNING id";
        command.Parameters.AddWithValue("$product", (object?)order.Product ?? DBNull.Value);
        command.Parameters.AddWithValue("$quantity", order.Quantity);
        command.Parameters.AddWithValue("$price", order.PriceCents);
        command.Parameters.AddWithValue("$admin", order.IsAdmin);
        command.Parameters.AddWithValue("$note", (object?)order.Note ?? DBNull.Value);
        order.Id = (long)command.ExecuteScalar()!;
        return order;
    }

    /// <summary>
    /// Stores <paramref name="order"/> by pasting its values into the SQL text. Never do this:
    /// a note such as <c>x'); DELETE FROM orders; --</c> becomes SQL. Kept for lesson 2's naive shop.
    /// </summary>
    public Order InsertUnsafe(Order order)
    {
        var sql = "INSERT INTO orders (product, quantity, price_cents, is_admin, note) VALUES " +
                  $"('{order.Product}', {order.Quantity}, {order.PriceCents}, {(order.IsAdmin ? 1 : 0)}, '{order.Note}')";
        Execute(sql);
        return order;
    }

    /// <summary>Every stored order, oldest first.</summary>
    public IReadOnlyList<Order> All()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, product, quantity, price_cents, is_admin, note FROM orders ORDER BY id";
        using var reader = command.ExecuteReader();
        var orders = new List<Order>();
        while (reader.Read())
            orders.Add(new Order
            {
                Id = reader.GetInt64(0),
                Product = reader.IsDBNull(1) ? null : reader.GetString(1),
                Quantity = reader.GetInt32(2),
                PriceCents = reader.GetInt64(3),
                IsAdmin = reader.GetBoolean(4),
                Note = reader.IsDBNull(5) ? null : reader.GetString(5),
            });
        return orders;
    }

    /// <summary>How many orders are stored.</summary>
    public long Count()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM orders";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The stored orders as a table (long notes cut to 60 characters).</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent Table()
    {
        var html = new System.Text.StringBuilder("<table style=\"border-collapse:collapse\"><thead><tr>");
        foreach (var h in new[] { "id", "product", "quantity", "price_cents", "is_admin", "note" })
            html.Append($"<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #999\">{h}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var o in All())
        {
            var note = o.Note is { Length: > 60 } n ? n[..60] + $"… ({n.Length:N0} chars)" : o.Note;
            html.Append($"<tr><td style=\"padding:2px 8px\">{o.Id}</td><td style=\"padding:2px 8px\">{Enc(o.Product)}</td>" +
                        $"<td style=\"padding:2px 8px\">{o.Quantity}</td><td style=\"padding:2px 8px\">{o.PriceCents}</td>" +
                        $"<td style=\"padding:2px 8px\">{(o.IsAdmin ? 1 : 0)}</td><td style=\"padding:2px 8px\"><code>{Enc(note)}</code></td></tr>");
        }
        html.Append($"</tbody></table><div style=\"font-size:12px;opacity:.75\">{Count()} rows in {Enc(System.IO.Path.GetFileName(Path))}</div>");
        return new Microsoft.AspNetCore.Html.HtmlString(html.ToString());
    }

    static string Enc(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    /// <summary>Deletes every order (the table stays).</summary>
    public void Clear() => Execute("DELETE FROM orders");

    void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Pooling off: each call really closes the file, so a temp database can be deleted at once.
    SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

/// <summary>
/// A product review, as the (exercise) review form sends it: which product, 1 to 5 stars, some text.
/// It carries no rules of its own: in lesson 2's exercise the handler enforces them.
/// </summary>
public record ReviewForm(string? Product, int Stars, string? Text);
