using System.Collections;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab;

/// <summary>
/// The requests a server answered, oldest first (see <see cref="RunningServer.Log"/>). Safe to read while the server
/// is busy: enumerating it takes a snapshot. Shows as a table when it is a cell's value.
/// </summary>
public sealed class RequestLog : IReadOnlyList<ServedRequest>, IHtmlContent
{
    readonly Lock _gate = new();
    readonly Queue<ServedRequest> _kept = new();
    readonly int _capacity;
    long _total;

    internal RequestLog(int capacity) => _capacity = capacity;

    /// <summary>How many requests were answered since the server started (or since <see cref="Clear"/>), including ones no longer kept.</summary>
    public long Total { get { lock (_gate) return _total; } }

    /// <summary>How many requests are kept (at most <see cref="ServerOptions.LogCapacity"/>).</summary>
    public int Count { get { lock (_gate) return _kept.Count; } }

    /// <summary>The request at <paramref name="index"/>, 0 being the oldest kept.</summary>
    public ServedRequest this[int index] { get { lock (_gate) return _kept.ElementAt(index); } }

    /// <summary>The most recent request, or null when none has been answered yet.</summary>
    public ServedRequest? Last { get { lock (_gate) return _kept.Count == 0 ? null : _kept.Last(); } }

    /// <summary>Forgets every recorded request and sets <see cref="Total"/> back to 0.</summary>
    public void Clear() { lock (_gate) { _kept.Clear(); _total = 0; } }

    internal void Add(ServedRequest request)
    {
        lock (_gate)
        {
            _kept.Enqueue(request);
            if (_kept.Count > _capacity) _kept.Dequeue();
            _total++;
        }
    }

    /// <summary>A snapshot of the kept requests, oldest first.</summary>
    public IEnumerator<ServedRequest> GetEnumerator() { lock (_gate) return _kept.ToList().GetEnumerator(); }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The last 20 requests as an HTML table.</summary>
    public override string ToString()
    {
        var snapshot = this.ToList();
        var table = new HtmlTable($"{Total} request(s) served" + (snapshot.Count > 20 ? ", the last 20:" : ""))
            .Column("time").Column("method").Column("path").Column("status")
            .Column("ms", "time the server spent on the request, in milliseconds")
            .Column("bytes", "size of the response body (— when it was sent without a Content-Length)");
        foreach (var r in snapshot.TakeLast(20))
            table.Row(r.Time, r.Method, r.Path, r.StatusCode, r.DurationMs, r.ResponseBytes);
        return table.ToString();
    }

    /// <inheritdoc/>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(ToString());
}
