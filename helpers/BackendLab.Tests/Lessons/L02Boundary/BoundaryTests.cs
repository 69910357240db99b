using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab.Tests.Lessons.L02Boundary;

public sealed class BoundaryTests : IDisposable
{
    readonly ShopDb _db = ShopDb.CreateTemporary();
    public void Dispose() => File.Delete(_db.Path);

    [Fact]
    public void ParameterizedInsertStoresInjectionTextAsData()
    {
        _db.Insert(new Order { Product = "book", Quantity = 1, Note = AttackBattery.SqlInjectionNote });
        var order = Assert.Single(_db.All());
        Assert.Equal(AttackBattery.SqlInjectionNote, order.Note);
    }

    [Fact]
    public void UnsafeInsertRunsTheInjectedSql()
    {
        _db.InsertUnsafe(new Order { Product = "book", Quantity = 1, Note = AttackBattery.SqlInjectionNote });
        var orders = _db.All();
        Assert.Equal(2, orders.Count);
        Assert.Contains(orders, o => o.Note == "free mugs" && o.Quantity == 1000 && o.IsAdmin && o.PriceCents == 0);
    }

    [Fact]
    public async Task NaiveShopAcceptsEveryAttackAndStoresTheHarm()
    {
        await using var app = await TestApp.StartAsync(a => ShopEndpoints.MapNaive(a, _db));
        var report = await AttackBattery.SendAsync(app.Url + "orders");

        Assert.All(report.Results, r => Assert.Equal(200, r.Status));
        var orders = _db.All();
        Assert.Contains(orders, o => o.Quantity == -5 && o.PriceCents < 0);
        Assert.Contains(orders, o => o.IsAdmin && o.PriceCents == 0 && o.Product == "shirt");
        Assert.Contains(orders, o => o.Note?.Length == 10_000_000);
        Assert.Contains(orders, o => o.Note == "free mugs");
        Assert.Contains(AttackBattery.ScriptNote, await app.Client.GetStringAsync(app.Url + "orders"));
    }

    [Fact]
    public async Task HardenedShopRefusesBadInputAndStoresTheRestAsHarmlessData()
    {
        await using var app = await TestApp.StartAsync(a => ShopEndpoints.MapHardened(a, _db), s => s.AddShopValidation().AddProblemDetails());
        var report = await AttackBattery.SendAsync(app.Url + "orders");

        Assert.Equal(201, report["honest order"].Status);
        var negative = report["negative quantity"];
        Assert.Equal(400, negative.Status);
        using (var problem = JsonDocument.Parse(negative.Body))
        {
            Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("The field Quantity must be between 1 and 10.",
                problem.RootElement.GetProperty("errors").GetProperty("Quantity")[0].GetString());
        }
        Assert.Equal(201, report["over-posting"].Status);
        Assert.Equal(413, report["10 MB body"].Status);
        Assert.Equal(201, report["script tag"].Status);
        Assert.Equal(201, report["SQL injection"].Status);

        var orders = _db.All();
        Assert.Equal(4, orders.Count);
        Assert.All(orders, o => Assert.False(o.IsAdmin));
        Assert.Contains(orders, o => o.Product == "shirt" && o.PriceCents == 6_000);
        Assert.Contains(orders, o => o.Note == AttackBattery.SqlInjectionNote);
        var page = await app.Client.GetStringAsync(app.Url + "orders");
        Assert.DoesNotContain("<script>", page);
        Assert.Contains("&lt;script&gt;", page);
    }

    [Fact]
    public async Task ShopValidationNamesEveryBrokenRule()
    {
        await using var app = await TestApp.StartAsync(a => ShopEndpoints.MapHardened(a, _db), s => s.AddShopValidation().AddProblemDetails());
        var body = JsonSerializer.Serialize(new { product = "pen", quantity = 11, note = new string('x', 201) });
        var response = await app.Client.PostAsync(app.Url + "orders", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("Choose one of: book, mug, shirt.", errors.GetProperty("Product")[0].GetString());
        Assert.Equal("The field Quantity must be between 1 and 10.", errors.GetProperty("Quantity")[0].GetString());
        Assert.Equal("The field Note must be a string with a maximum length of 200.", errors.GetProperty("Note")[0].GetString());
        Assert.Equal(0, _db.Count());
    }

    [Fact]
    public void ShopPageChecksQuantityAndPostsJson()
    {
        Assert.Contains("min=\"1\" max=\"10\"", ShopPage.Html);
        Assert.Contains("fetch('/orders'", ShopPage.Html);
        Assert.Equal("{\"product\":\"mug\",\"quantity\":2,\"note\":\"hi\"}", ShopPage.BodyFor("mug", 2, "hi"));
    }

    [Fact]
    public async Task PaymentProviderChargesOnlyCallersWithTheKey()
    {
        var key = PaymentProvider.NewApiKey();
        Assert.Matches("^sk_test_[0-9a-f]{24}$", key);
        await using var provider = await TestApp.StartAsync(a => a.MapPaymentProvider(key));
        var charge = new StringContent("{\"amountCents\":1500}", Encoding.UTF8, "application/json");

        var anonymous = await provider.Client.PostAsync(provider.Url + "charges", charge);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, provider.Url + "charges") { Content = charge };
        request.Headers.Authorization = new("Bearer", key);
        var paid = await provider.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Contains("\"id\":\"ch_1\"", await paid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AttackBatteryRefusesAddressesOffThisMachine() =>
        await Assert.ThrowsAsync<ArgumentException>(() => AttackBattery.SendAsync("http://example.com/orders"));
}
