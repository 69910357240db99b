namespace BackendLab.Lessons.L05State;

/// <summary>A cluster drawn as a <see cref="TopologyDiagram"/> from its own request counts.</summary>
public sealed partial class Cluster
{
    /// <summary>
    /// The cluster as a picture: the proxy, each instance (a stopped one says so) and, when given, the store behind them,
    /// each box with the requests it handled since it started (or <see cref="ResetCounts"/>).
    /// <code>shop.Picture("Alice's adds, round-robin", store: carts)</code>
    /// </summary>
    /// <param name="title">What the picture shows. Default: the cluster's name.</param>
    /// <param name="store">The store the instances share, or null for none. A <see cref="RemoteLikeStore"/> shows its calls (reads + writes); another store shows no count.</param>
    public Picture Picture(string? title = null, ISharedStore? store = null)
    {
        var instances = _instances.Select(i => new TopologyNode(i.IsRunning ? $"instance {i.Name}" : $"instance {i.Name} (stopped)", 2, i.Requests)).ToList();
        TopologyNode[] nodes = [new("proxy", 1, ProxyRequests), .. instances];
        (string, string)[] links = [.. instances.Select(i => ("proxy", i.Name))];
        if (store is not null)
        {
            var storeName = store is RemoteLikeStore remote ? $"store: {remote.Inner.Description.Split(' ')[0]}" : $"store: {store.Description.Split(' ')[0]}";
            long? calls = store is RemoteLikeStore r ? r.Reads + r.Writes : null;
            nodes = [.. nodes, new TopologyNode(storeName, 3, calls)];
            links = [.. links, .. instances.Select(i => (i.Name, storeName))];
        }
        return TopologyDiagram.Draw(title ?? $"{Name}: {(Sticky ? "sticky sessions" : "round-robin")}", nodes, links);
    }
}
