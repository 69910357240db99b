namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// The shop's frontend: one HTML page with an order form and a little JavaScript that checks the
/// quantity and sends the order as JSON to <c>POST /orders</c>. Defined in lesson 2.
/// </summary>
/// <remarks>
/// Everything here runs in the user's browser, which the user controls: the <c>min</c>/<c>max</c>
/// attributes and the script's check are a convenience for honest users, not a protection.
/// </remarks>
public static partial class ShopPage
{
    /// <summary>The page's full source, as a server sends it (<c>text/html</c>).</summary>
    public const string Html = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>Tiny shop</title></head>
        <body>
          <h1>Tiny shop</h1>
          <form id="order">
            <label>Product
              <select name="product"><option>book</option><option>mug</option><option>shirt</option></select>
            </label>
            <label>Quantity <input name="quantity" type="number" min="1" max="10" value="1" required></label>
            <label>Note <input name="note" maxlength="200"></label>
            <button>Order</button>
          </form>
          <p id="result"></p>
          <script>
            const form = document.getElementById('order');
            const result = document.getElementById('result');
            form.addEventListener('submit', async event => {
              event.preventDefault();
              const quantity = Number(form.quantity.value);
              if (!(quantity >= 1 && quantity <= 10)) { result.textContent = 'Quantity must be 1 to 10.'; return; }
              const response = await fetch('/orders', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ product: form.product.value, quantity, note: form.note.value })
              });
              result.textContent = response.ok ? 'Thank you!' : 'Sorry, the shop said ' + response.status;
            });
          </script>
        </body>
        </html>
        """;

    /// <summary>The JSON body the page's script sends for an honest order (what <c>JSON.stringify</c> writes).</summary>
    public static string BodyFor(string product, int quantity, string note) =>
        System.Text.Json.JsonSerializer.Serialize(new { product, quantity, note });
}
