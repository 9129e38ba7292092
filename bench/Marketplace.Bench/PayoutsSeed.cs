using System.Diagnostics;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>
/// Delivered sales for the payout run: cooperatives up to 5,000 (with a RIB), one product for each new one, then card
/// orders paid and delivered, each from two cooperatives, so that every cooperative has sold enough to be paid. They
/// go through Orders' bulk route; the Orders outbox then tells Catalogue and Payouts as for any order.
/// </summary>
internal static class PayoutsSeed
{
    private const decimal SaleAtLeast = 250m;

    public static async Task RunAsync(Options o)
    {
        var seed = SeedState.Read(o.Dir);
        var total = o.Int("cooperatives", 5000);
        var clock = Stopwatch.StartNew();
        using var api = new Api(o.Url);
        api.SignIn(await api.LoginAsync(o.AdminEmail, o.AdminPassword));

        var existing = seed.Cooperatives.Count;
        var added = await Seed.RegisterCooperativesAsync(api, seed.OwnerId, existing, Math.Max(0, total - existing));
        var products = seed.FirstProducts.Select((id, i) => (Id: id, Price: Catalogue.Product(i, 0, new Random(i), 0).Price)).ToList();
        foreach (var chunk in added.Select((id, n) => (Id: id, Index: existing + n)).Chunk(200))
        {
            var items = chunk.Select(c => (c.Id, Product: Catalogue.Product(c.Index, 0, new Random(c.Index), 1000))).ToList();
            var ids = await api.PostIdsAsync("/api/admin/bench/products",
                new { products = items.Select(x => new { cooperativeId = x.Id, product = x.Product.Body }) });
            products.AddRange(ids.Zip(items, (id, x) => (id, x.Product.Price)));
        }
        Seed.Log($"{existing + added.Count} cooperatives, {products.Count} products for the payouts in {clock.Elapsed.TotalSeconds:0.0} s");

        var half = products.Count / 2;
        var orders = Enumerable.Range(0, half).Select(k => new
        {
            shopperId = seed.Shoppers[k % seed.Shoppers.Count],
            key = $"payout-sale-{k}",
            order = new
            {
                lines = new[] { products[k], products[k + half] }.Select(p => new { productId = p.Id, quantity = (int)Math.Ceiling(SaleAtLeast / p.Price) }),
                shippingAddress = new { fullName = "Bench Shopper", phone = "0612345678", line1 = "12 rue des Arganiers", city = "Agadir" },
                paymentMethod = "card",
            },
        }).ToList();
        foreach (var chunk in orders.Chunk(250))
            await api.PostIdsAsync("/api/admin/bench/delivered-orders", new { staffId = seed.OwnerId, orders = chunk });
        Seed.Log($"{orders.Count} card orders paid and delivered in {clock.Elapsed.TotalSeconds:0.0} s");
        File.WriteAllText(Path.Combine(o.Dir, "payouts-seed.json"),
            JsonSerializer.Serialize(new { cooperatives = existing + added.Count, orders = orders.Count, seconds = clock.Elapsed.TotalSeconds }, Api.Json));
    }
}
