using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Bench;

/// <summary>
/// Delivered card sales for the payout run, through the real order flow: cooperatives up to 5,000 (applied, verified,
/// with a RIB) and one product for each new one (listed, published), through the public API as in the seed; then card
/// orders, each of two cooperatives so that every cooperative sells enough to be paid: a shopper places it (POST
/// /api/orders, card), CMI's server tells the platform the payment is approved (the callback, signed with the bench's
/// store key; the answer must be ACTION=POSTAUTH), and each cooperative's staff accept, ship and deliver its sub-order.
/// The Orders outbox then tells Catalogue and Payouts as for any order (bench.sh waits for it).
/// </summary>
internal static class PayoutsSeed
{
    private const decimal SaleAtLeast = 250m;

    public static async Task RunAsync(Options o)
    {
        var seed = SeedState.Read(o.Dir);
        var total = o.Int("cooperatives", 5000);
        var parallel = o.Int("parallel", 16);
        var (clientId, storeKey) = (o.Get("cmi-client-id", ""), o.Get("cmi-store-key", ""));
        if (clientId.Length == 0 || storeKey.Length == 0) throw new ArgumentException("--cmi-client-id and --cmi-store-key are required.");
        var clock = Stopwatch.StartNew();
        var work = new Work();
        using var api = new Api(o.Url, parallel + 8);
        var owner = await api.LoginAsync(Catalogue.OwnerEmail, Catalogue.Password); // signed in again: a token lives an hour
        var admin = await api.LoginAsync(o.AdminEmail, o.AdminPassword);
        var shoppers = new string[seed.Shoppers.Count];
        for (var s = 0; s < shoppers.Length; s++) shoppers[s] = await api.LoginAsync(Catalogue.ShopperEmail(s), Catalogue.Password);

        var existing = seed.Cooperatives.Count;
        var (added, _) = await Seed.RegisterCooperativesAsync(api, work, owner, admin, existing, Math.Max(0, total - existing), parallel);
        var products = seed.FirstProducts.Select((id, i) => (Id: id, Price: Catalogue.Product(i, 0, new Random(i), 0).Price)).ToList();
        var more = new (Guid Id, decimal Price)[added.Length];
        await work.ForEachAsync("products of the new cooperatives", Enumerable.Range(0, added.Length), added.Length, parallel, async n =>
        {
            var product = Catalogue.Product(existing + n, 0, new Random(existing + n), 1000);
            more[n] = (await Seed.ListAndPublishAsync(api, work, owner, added[n], product.Body), product.Price);
        });
        products.AddRange(more);
        var cooperativeSeconds = clock.Elapsed.TotalSeconds;
        Seed.Log($"{existing + added.Length} cooperatives, {products.Count} products for the payouts in {cooperativeSeconds:0.0} s");

        var half = products.Count / 2;
        var address = new { fullName = "Bench Shopper", phone = "0612345678", line1 = "12 rue des Arganiers", city = "Agadir" };
        var orderSeconds = await work.ForEachAsync("card orders placed, paid (CMI callback), accepted, shipped, delivered",
            Enumerable.Range(0, half), half, parallel, async k =>
            {
                var body = new
                {
                    lines = new[] { products[k], products[k + half] }.Select(p => new { productId = p.Id, quantity = (int)Math.Ceiling(SaleAtLeast / p.Price) }),
                    shippingAddress = address,
                    paymentMethod = "card",
                };
                var order = await work.Time("POST /api/orders (card)", () => api.PlaceOrderAsync(body, $"payout-sale-{k}", shoppers[k % shoppers.Length]));
                var fields = CmiServer.Approved(o.Url, clientId, storeKey, order["id"]!.GetValue<Guid>(), order["number"]!.GetValue<string>(),
                    order["total"]!["amount"]!.GetValue<decimal>(), k);
                var answer = await work.Time("POST /api/payments/cmi/callback", () => api.PostFormAsync(CmiServer.CallbackPath, fields));
                if (answer.Trim() != CmiServer.Capture)
                    throw new InvalidOperationException($"CMI callback of order {order["number"]}: '{answer}', expected {CmiServer.Capture}");
                foreach (var sub in order["subOrders"]!.AsArray().Select(s => s!))
                    await DeliverAsync(api, work, owner, sub["cooperativeId"]!.GetValue<Guid>(), sub["id"]!.GetValue<Guid>());
            });
        var seconds = clock.Elapsed.TotalSeconds;
        Seed.Log($"{half} card orders paid and delivered in {orderSeconds:0.0} s; {seconds:0.0} s in all");
        File.WriteAllText(Path.Combine(o.Dir, "payouts-seed.json"), JsonSerializer.Serialize(new
        {
            cooperatives = existing + added.Length, orders = half, seconds, cooperative_seconds = cooperativeSeconds, order_seconds = orderSeconds,
            requests = work.Summary(),
        }, Api.Json));
    }

    /// <summary>The cooperative's staff (its owner) accept, ship and deliver the sub-order.</summary>
    private static async Task DeliverAsync(Api api, Work work, string staff, Guid cooperative, Guid subOrder)
    {
        var path = $"/api/cooperatives/{cooperative}/orders/{subOrder}";
        await work.Time("POST .../orders/{id}/accept", () => api.PostAsync($"{path}/accept", null, staff));
        await work.Time("POST .../orders/{id}/ship", () => api.PostAsync($"{path}/ship", new { carrier = "Amana", trackingNumber = $"BENCH-{subOrder:N}" }, staff));
        await work.Time("POST .../orders/{id}/deliver", () => api.PostAsync($"{path}/deliver", new JsonObject(), staff));
    }
}
