using System.Net.Http;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Lessons.L04RequestResponse;

/// <summary>
/// A table of requests and the answers they got, one row each: what was asked, the status, the headers you chose to see,
/// and the body (Lesson 4, the response phase).
/// <code>
/// var answers = new ExchangeTable("Six requests, six answers", api.Client, "Location", "Content-Type");
/// await answers.SendAsync("read order 1", new HttpRequestMessage(HttpMethod.Get, "/orders/1"));
/// answers
/// </code>
/// </summary>
public sealed class ExchangeTable : IHtmlContent
{
    readonly HttpClient _client;
    readonly string[] _headers;
    readonly HtmlTable _table;
    readonly List<int> _statuses = [];

    /// <summary>A table whose requests go through <paramref name="client"/>; it shows the response headers named in <paramref name="headers"/>.</summary>
    /// <param name="title">The table's caption.</param>
    /// <param name="client">A client of the server (e.g. <c>api.Client</c>).</param>
    /// <param name="headers">Response or content headers to show, e.g. "Location", "Content-Type".</param>
    public ExchangeTable(string title, HttpClient client, params string[] headers)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        if (client.BaseAddress is not null) Loopback.Require(client.BaseAddress);
        _headers = headers ?? [];
        _table = new HtmlTable(title).Column("request").Column("status").Column("headers", string.Join(", ", _headers)).Column("body");
    }

    /// <summary>The status codes of the answers, in the order sent.</summary>
    public IReadOnlyList<int> Statuses => _statuses;

    /// <summary>Sends <paramref name="request"/>, reads the whole answer and adds a row described as <paramref name="what"/>.</summary>
    public async Task<ExchangeTable> SendAsync(string what, HttpRequestMessage request)
    {
        using var response = await _client.SendAsync(request);
        var shown = response.Headers.Concat(response.Content.Headers)
            .Where(h => _headers.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}");
        _statuses.Add((int)response.StatusCode);
        _table.Row(what, $"{(int)response.StatusCode} {response.ReasonPhrase}", string.Join("; ", shown), await response.Content.ReadAsStringAsync());
        return this;
    }

    /// <summary>One line per row.</summary>
    public override string ToString() => _table.ToString();

    /// <summary>Writes the table.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => _table.WriteTo(writer, encoder);
}
