using System.Collections.Concurrent;

namespace Marketplace.Testing;

/// <summary>A cooperative made for a test, with its owner (staff) signed in.</summary>
public sealed record MarketCooperative(Guid Id, TestUser Owner);

/// <summary>A product made for a test.</summary>
public sealed record MarketProduct(Guid Id, string Sku, MarketCooperative Cooperative, decimal Price);

/// <summary>
/// The sellers' side that the orders tests need, through the real modules' HTTP API (API.md): verified cooperatives
/// with their delivery fee (Cooperatives), published products with stock (Catalogue).
/// </summary>
public sealed class HttpMarket(IMarketplace app)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentBag<Guid>> products = new();
    private TestUser? admin;
    private async Task<HttpClient> Admin() => (admin ??= await app.AdminAsync()).Client;

    public async Task<MarketCooperative> NewCooperativeAsync(decimal flatFee = 0m, decimal? freeAbove = null)
    {
        var owner = await app.NewShopperAsync("owner");
        var n = Guid.NewGuid().ToString("N")[..8];
        var created = await owner.Client.PostJson("/api/cooperatives", new
        {
            name = new { fr = $"Coopérative {n}", ar = $"تعاونية {n}" },
            registrationNumber = $"RC-{Guid.NewGuid():N}"[..24].ToUpperInvariant(),
            province = "taroudant",
            sectors = new[] { "saffron", "argan" },
            contactEmail = $"coop-{n}@test.ma",
            phone = "+212 6 12 34 56 78",
            description = new { fr = "Safran et huile d'argan" },
        });
        var id = (await (await created.ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        await (await (await Admin()).PostJson($"/api/admin/cooperatives/{id}/verify")).ShouldHaveStatus(200);
        if (flatFee > 0 || freeAbove is not null)
            await (await owner.Client.PutJson($"/api/cooperatives/{id}/shipping", new
            {
                flatFee = new { amount = flatFee, currency = "MAD" },
                freeAbove = freeAbove is null ? null : new { amount = freeAbove.Value, currency = "MAD" },
            })).ShouldHaveStatus(200);
        return new MarketCooperative(id, owner);
    }

    public async Task<MarketProduct> NewProductAsync(MarketCooperative cooperative, decimal price, int stock)
    {
        var sku = $"ARG-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var created = await cooperative.Owner.Client.PostJson($"/api/cooperatives/{cooperative.Id}/products", new
        {
            sku,
            category = "argan-culinary-oil",
            name = new { fr = $"Huile d'argan {sku}", ar = "زيت الأركان الغذائي", en = "Culinary argan oil" },
            description = new { fr = "Pressée à froid à partir d'amandons torréfiés." },
            price = new { amount = price, currency = "MAD" },
            unit = "bottle 250 ml",
            stock,
            labels = new[] { "IGP" },
            foodSafetyNumber = "ONSSA 12.34.567",
            province = "taroudant",
        });
        var id = (await (await created.ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        await (await cooperative.Owner.Client.PostJson($"/api/cooperatives/{cooperative.Id}/products/{id}/publish")).ShouldHaveStatus(200);
        products.GetOrAdd(cooperative.Id, _ => []).Add(id);
        return new MarketProduct(id, sku, cooperative, price);
    }

    /// <summary>What can be bought now: the product's <c>stock</c> in GET /api/products/{id} (on hand minus reserved).</summary>
    public async Task<int> AvailableAsync(Guid productId) => (await DetailsAsync(productId))["stock"]!.GetValue<int>();

    /// <summary>GET /api/products/{id}, as anyone sees it.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> DetailsAsync(Guid productId) =>
        await (await (await app.Anonymous().GetAsync($"/api/products/{productId}")).ShouldHaveStatus(200)).Json();

    public async Task UnpublishAsync(MarketProduct product) =>
        await (await product.Cooperative.Owner.Client.PostJson($"/api/cooperatives/{product.Cooperative.Id}/products/{product.Id}/unpublish"))
            .ShouldHaveStatus(200);

    /// <summary>The administrator suspends it; the catalogue hears it through the Cooperatives outbox: waits until its products leave the shop.</summary>
    public async Task SuspendAsync(MarketCooperative cooperative)
    {
        await (await (await Admin()).PostJson($"/api/admin/cooperatives/{cooperative.Id}/suspend")).ShouldHaveStatus(200);
        foreach (var id in products.GetValueOrDefault(cooperative.Id) ?? [])
            await Poll.UntilAsync(() => app.Anonymous().GetAsync($"/api/products/{id}"), r => (int)r.StatusCode == 404,
                what: $"product {id} of the suspended cooperative out of the shop");
    }
}
