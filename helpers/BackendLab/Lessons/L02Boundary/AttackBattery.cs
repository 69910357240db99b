using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>One request a well-behaved frontend would never send.</summary>
/// <param name="Name">A short name, such as "negative quantity".</param>
/// <param name="Sends">What the request carries, in a few words.</param>
/// <param name="Json">The JSON body, built when the attack is sent (the big one is 10 MB).</param>
/// <param name="Honest">True for the baseline request a real user sends, which the server should accept.</param>
public sealed record Attack(string Name, string Sends, Func<string> Json, bool Honest = false);

/// <summary>What the server answered to one <see cref="Attack"/>.</summary>
/// <param name="Attack">The attack's name.</param>
/// <param name="Sends">What it carried.</param>
/// <param name="Status">The HTTP status code (0 when no response came back).</param>
/// <param name="Body">The response body, or the client's error when no response came back.</param>
/// <param name="Honest">True for the baseline request, which should be accepted.</param>
public sealed record AttackResult(string Attack, string Sends, int Status, string Body, bool Honest)
{
    /// <summary>True when the server accepted the request (a 2xx status).</summary>
    public bool Accepted => Status is >= 200 and < 300;
}

/// <summary>
/// Sends an endpoint the requests its own frontend would never send, straight from C#, and tabulates the
/// answers. Defined in lesson 2: <c>await AttackBattery.SendAsync(shop.Url + "orders")</c>.
/// </summary>
public static class AttackBattery
{
    /// <summary>
    /// The shop battery, in order: an honest order (the baseline), a negative quantity, over-posting
    /// (<c>isAdmin</c>, <c>priceCents</c>), a 10 MB body, a script tag in the note, and SQL injection in the note.
    /// </summary>
    public static IReadOnlyList<Attack> Shop { get; } =
    [
        new("honest order", "book × 2, a short note", () => Body(new { product = "book", quantity = 2, note = "gift wrap, please" }), Honest: true),
        new("negative quantity", "quantity: -5", () => Body(new { product = "mug", quantity = -5, note = "" })),
        new("over-posting", "isAdmin: true, priceCents: 0", () => Body(new { product = "shirt", quantity = 3, note = "", isAdmin = true, priceCents = 0 })),
        new("10 MB body", "a 10,000,000-character note", () => Body(new { product = "book", quantity = 1, note = new string('A', 10_000_000) })),
        new("script tag", "note: <script>…</script>", () => Body(new { product = "mug", quantity = 1, note = ScriptNote })),
        new("SQL injection", "note: x'), ('mug', 1000, 0, 1, 'free mugs'); --", () => Body(new { product = "book", quantity = 1, note = SqlInjectionNote })),
    ];

    /// <summary>The script-tag attack's note: harmless text here, running code in any page that shows it unencoded.</summary>
    public const string ScriptNote = "<script>alert(document.cookie)</script>";

    /// <summary>The SQL-injection attack's note: it closes the SQL string and adds a row of its own.</summary>
    public const string SqlInjectionNote = "x'), ('mug', 1000, 0, 1, 'free mugs'); --";

    static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>
    /// POSTs every attack (default: <see cref="Shop"/>) as JSON to <paramref name="url"/>, one after another,
    /// and returns the answers as a table.
    /// </summary>
    /// <param name="url">The endpoint, on this machine (for example the shop's <c>/orders</c>).</param>
    /// <param name="attacks">The requests to send; <see cref="Shop"/> when null.</param>
    public static async Task<AttackReport> SendAsync(string url, IEnumerable<Attack>? attacks = null)
    {
        var target = Loopback.Require(url);
        var results = new List<AttackResult>();
        foreach (var attack in attacks ?? Shop)
            results.Add(await SendOneAsync(target, attack));
        return new AttackReport(results);
    }

    static async Task<AttackResult> SendOneAsync(Uri url, Attack attack)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(attack.Json(), Encoding.UTF8, "application/json"),
        };
        // Lets a server refuse a body by its announced size before the client uploads it.
        request.Headers.ExpectContinue = true;
        try
        {
            using var response = await Client.SendAsync(request);
            return new AttackResult(attack.Name, attack.Sends, (int)response.StatusCode, await response.Content.ReadAsStringAsync(), attack.Honest);
        }
        catch (HttpRequestException error)
        {
            return new AttackResult(attack.Name, attack.Sends, 0, $"no response: {error.Message}", attack.Honest);
        }
    }

    static string Body(object value) => JsonSerializer.Serialize(value);
}

/// <summary>The answers to an attack battery; shows itself as a table (status and the start of each body).</summary>
public sealed class AttackReport(IReadOnlyList<AttackResult> results) : IHtmlContent
{
    /// <summary>One answer per attack, in the order sent.</summary>
    public IReadOnlyList<AttackResult> Results { get; } = results;

    /// <summary>The answer to the attack called <paramref name="name"/>.</summary>
    public AttackResult this[string name] => Results.First(r => r.Attack == name);

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder)
    {
        writer.Write("<table style=\"border-collapse:collapse\"><thead><tr>");
        foreach (var h in new[] { "attack", "sends", "status", "response body (start)" })
            writer.Write($"<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #999\">{h}</th>");
        writer.Write("</tr></thead><tbody>");
        foreach (var r in Results)
        {
            var body = r.Body.Length > 160 ? r.Body[..160] + $"… ({r.Body.Length:N0} chars)" : r.Body;
            writer.Write($"<tr><td style=\"padding:2px 8px\">{encoder.Encode(r.Attack)}</td>" +
                         $"<td style=\"padding:2px 8px\"><code>{encoder.Encode(r.Sends)}</code></td>" +
                         $"<td style=\"padding:2px 8px;font-weight:bold\">{(r.Status == 0 ? "—" : r.Status)}</td>" +
                         $"<td style=\"padding:2px 8px\"><code>{encoder.Encode(body)}</code></td></tr>");
        }
        writer.Write("</tbody></table>");
        writer.Write("<div style=\"font-size:12px;opacity:.75\">status: 2xx = the handler accepted the request, 4xx = the backend refused it before the handler ran " +
                     "or the handler refused it. Whether an accepted request did harm shows in what was stored.</div>");
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join("\n", Results.Select(r => $"{r.Attack}: {r.Status}"));
}
