namespace BackendLab;

/// <summary>
/// What each of the learner's endpoints did during a check, in the order first seen: it works (a 2xx or 3xx answer),
/// answers with another status, or still throws the starter's <see cref="NotImplementedException"/>. It turns a check
/// of partly finished work into "`POST /visits` works; `GET /visits` still throws `NotImplementedException`…".
/// </summary>
internal sealed class PartialWork
{
    readonly List<string> _order = [];
    readonly Dictionary<string, (int Status, bool Starter)> _seen = [];

    /// <summary>True once <paramref name="endpoint"/> (e.g. <c>GET /visits</c>) has been seen.</summary>
    public bool Knows(string endpoint) => _seen.ContainsKey(endpoint);

    /// <summary>Records what <paramref name="endpoint"/> did, the first time it is seen.</summary>
    public void Saw(string endpoint, int status, bool starter)
    {
        if (!_seen.TryAdd(endpoint, (status, starter))) return;
        _order.Add(endpoint);
    }

    /// <summary>True when at least one endpoint answered without the starter exception.</summary>
    public bool AnyDone => _seen.Values.Any(s => !s.Starter);

    /// <summary>True when at least one endpoint still has the starter code.</summary>
    public bool AnyStarter => _seen.Values.Any(s => s.Starter);

    /// <summary>"`POST /visits` works; `GET /visits` still throws `NotImplementedException`: its starter code is still in place. …"</summary>
    public string Message(string handle)
    {
        var done = _order.Where(e => !_seen[e].Starter)
            .Select(e => _seen[e].Status is >= 200 and < 400 ? $"`{e}` works" : $"`{e}` answers {_seen[e].Status}");
        var starters = _order.Where(e => _seen[e].Starter).Select(e => $"`{e}`").ToList();
        var one = starters.Count == 1;
        return $"{string.Join(", ", done)}; {JoinAnd(starters)} still throw{(one ? "s" : "")} `NotImplementedException`: " +
               $"{(one ? "its" : "their")} starter code is still in place. Finish {(one ? "it" : "them")}, then run `{handle}.Check(…)` again.";
    }

    static string JoinAnd(List<string> items) => items.Count <= 1 ? string.Concat(items) : string.Join(", ", items[..^1]) + " and " + items[^1];
}
