using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;

namespace BackendLab.Tests.Lessons.L05State;

[Collection("servers")]
public class ClusterTests
{
    /// <summary>The lesson's stateful cart: each instance keeps carts in its own memory.</summary>
    static void StatefulCart(WebApplication app)
    {
        var carts = new ConcurrentDictionary<string, List<string>>();
        app.MapPost("/cart/{user}/items", (string user, string item) =>
        {
            var cart = carts.GetOrAdd(user, _ => []);
            lock (cart) cart.Add(item);
            return cart.Count;
        });
        app.MapGet("/cart/{user}", (string user) => carts.TryGetValue(user, out var cart) ? cart.ToArray() : []);
    }

    static async Task<(string Instance, string[] Items)> GetCartAsync(HttpClient client, string user)
    {
        var response = await client.GetAsync($"/cart/{user}");
        response.EnsureSuccessStatusCode();
        var items = System.Text.Json.JsonSerializer.Deserialize<string[]>(await response.Content.ReadAsStringAsync())!;
        return (response.Headers.GetValues(Cluster.InstanceHeader).Single(), items);
    }

    [Fact]
    public async Task RoundRobinSplitsAUsersStateBetweenInstances()
    {
        await using var shop = await Cluster.StartAsync("rr-" + Guid.NewGuid().ToString("N")[..6], 2, StatefulCart);
        var answered = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var r = await shop.Client.PostAsync($"/cart/alice/items?item=item{i}", null);
            answered.Add(r.Headers.GetValues(Cluster.InstanceHeader).Single());
        }
        Assert.Equal(3, answered.Count(a => a == "A"));
        Assert.Equal(3, answered.Count(a => a == "B"));
        var (_, items) = await GetCartAsync(shop.Client, "alice");
        Assert.Equal(3, items.Length);              // only the half that instance holds
        Assert.Equal(4, shop["A"].Requests + shop["B"].Requests - 3); // 7 requests in all
    }

    [Fact]
    public async Task StickySessionsKeepAUserOnOneInstanceUntilItStops()
    {
        await using var shop = await Cluster.StartAsync("sticky-" + Guid.NewGuid().ToString("N")[..6], 2, StatefulCart, sticky: true);
        for (var i = 0; i < 6; i++) (await shop.Client.PostAsync($"/cart/alice/items?item=item{i}", null)).EnsureSuccessStatusCode();
        var (home, items) = await GetCartAsync(shop.Client, "alice");
        Assert.Equal(6, items.Length);
        Assert.Equal(7, shop[home].Requests);

        await shop.StopInstanceAsync(home);
        var (after, left) = await GetCartAsync(shop.Client, "alice");
        Assert.NotEqual(home, after);
        Assert.Empty(left);                         // the cart died with its instance
    }

    [Fact]
    public async Task AStoppedInstanceTheProxyStillSendsTraffictoAnswers502()
    {
        await using var shop = await Cluster.StartAsync("502-" + Guid.NewGuid().ToString("N")[..6], 2, StatefulCart);
        await shop.StopInstanceAsync("B", tellProxy: false);
        var result = await Burst.SendAsync(shop.Client, 10, HttpMethod.Get, "/cart/alice", concurrency: 1);
        Assert.Equal(5, result[HttpStatusCode.OK]);
        Assert.Equal(5, result[HttpStatusCode.BadGateway]);
    }

    [Fact]
    public async Task SharedStateSurvivesLosingAnInstance()
    {
        var path = Path.Combine(Path.GetTempPath(), "backendlab-tests", $"cluster-{Guid.NewGuid():N}.db");
        await using var store = await SharedStore.SqliteAsync("carts", path: path);
        await using var shop = await Cluster.StartAsync("shared-" + Guid.NewGuid().ToString("N")[..6], 2, app =>
        {
            app.MapPost("/cart/{user}/items", async (string user, string item) => { await store.AppendAsync($"cart:{user}", item); return 1; });
            app.MapGet("/cart/{user}", (string user) => store.ListAsync($"cart:{user}"));
        });
        for (var i = 0; i < 4; i++) (await shop.Client.PostAsync($"/cart/alice/items?item=item{i}", null)).EnsureSuccessStatusCode();
        await shop.StopInstanceAsync("A");
        for (var i = 4; i < 6; i++) (await shop.Client.PostAsync($"/cart/alice/items?item=item{i}", null)).EnsureSuccessStatusCode();
        var (instance, items) = await GetCartAsync(shop.Client, "alice");
        Assert.Equal("B", instance);
        Assert.Equal(6, items.Length);
    }

    [Fact]
    public async Task RestartingUnderTheSameNameReplacesTheCluster()
    {
        var first = await Cluster.StartAsync("replace-cluster", 2, StatefulCart);
        var second = await Cluster.StartAsync("replace-cluster", 2, StatefulCart);
        await using var _ = second;
        Assert.All(first.Instances, i => Assert.False(i.IsRunning));
        Assert.All(second.Instances, i => Assert.True(i.IsRunning));
    }

    [Fact]
    public async Task ThePictureCountsRequestsAtTheProxyEachInstanceAndTheStore()
    {
        await using var store = await SharedStore.SqliteAsync("picture-" + Guid.NewGuid().ToString("N")[..6]);
        var remote = store.WithLatency(0);
        await using var cluster = await Cluster.StartAsync("pic-" + Guid.NewGuid().ToString("N")[..6], 2,
            app => app.MapPost("/hit", () => remote.IncrementAsync("hits")));
        for (var i = 0; i < 6; i++) (await cluster.Client.PostAsync("/hit", null)).EnsureSuccessStatusCode();
        await cluster.StopInstanceAsync("A");
        for (var i = 0; i < 2; i++) (await cluster.Client.PostAsync("/hit", null)).EnsureSuccessStatusCode();

        Assert.Equal(8, cluster.ProxyRequests);
        var picture = cluster.Picture("after A stopped", remote);
        Assert.Contains("proxy handled 8 requests", picture.AltText);
        Assert.Contains("instance A (stopped) handled 3 requests", picture.AltText);
        Assert.Contains("instance B handled 5 requests", picture.AltText);
        Assert.Contains("store: SQLite handled 8 requests", picture.AltText);
        cluster.ResetCounts();
        Assert.Equal(0, cluster.ProxyRequests);
    }
}
