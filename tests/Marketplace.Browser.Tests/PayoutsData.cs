using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Marketplace.Browser.Tests;

/// <summary>What the payouts journey sets up through the HTTP API (API.md): a bank account, delivered card sales, the balance.</summary>
internal static class PayoutsData
{
    /// <summary>A RIB of 24 digits whose key (the last 2) is valid.</summary>
    public static string NewRib()
    {
        var digits = string.Concat(Enumerable.Range(0, 22).Select(_ => Random.Shared.Next(10)));
        var key = 97 - (int)(BigInteger.Parse(digits + "00") % 97);
        return digits + key.ToString("D2");
    }

    /// <summary>The owner gives the cooperative's bank account and a delivery fee (PUT payout-account, PUT shipping).</summary>
    public static async Task<string> SetBankAccountAsync(this MarketCooperative cooperative, decimal deliveryFee)
    {
        var rib = NewRib();
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/payout-account", new { method = "bank_transfer", rib }))
            .ShouldHaveStatus(200);
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/shipping",
            new { flatFee = new { amount = deliveryFee, currency = "MAD" } })).ShouldHaveStatus(200);
        return rib;
    }

    /// <summary>
    /// A shopper orders <paramref name="quantity"/> of the product by card, Stripe confirms the payment in a signed
    /// webhook, and the cooperative accepts, ships and delivers: the net of the sale becomes available for a payout.
    /// </summary>
    public static async Task DeliveredCardSaleAsync(this StripeBrowserApp app, MarketProduct product, int quantity)
    {
        var shopper = await app.NewShopperAsync("buyer");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                lines = new[] { new { productId = product.Id, quantity } },
                shippingAddress = new
                {
                    fullName = "Naima Bouzid", phone = "0662345678", line1 = "Avenue Hassan II, 45", city = "Inezgane",
                    province = "Inezgane-Aït Melloul", postalCode = "86350",
                },
                paymentMethod = "card",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var order = await (await (await shopper.Client.SendAsync(request)).ShouldHaveStatus(201)).Json();
        var secret = order["payment"]!["clientSecret"]!.GetValue<string>();
        await (await app.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]).DeliverAsync(app.Anonymous()))
            .ShouldHaveStatus(200);
        await Poll.UntilAsync(() => OrderStatusAsync(shopper, order), s => s == "paid", what: "the card order paid");
        await product.Cooperative.DeliverAsync(order);
    }

    /// <summary>The cooperative's balance (GET /api/cooperatives/{id}/balance): what a payout would pay, once the sale is heard.</summary>
    public static async Task<decimal> WaitForPayableAsync(this MarketCooperative cooperative, decimal expected)
    {
        var balance = await Poll.UntilAsync(async () => await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/balance")).Json(),
            b => Amount(b, "available") - Amount(b, "owedToPlatform") >= expected, what: "the delivered sale available for a payout");
        return Amount(balance, "available") - Amount(balance, "owedToPlatform");
    }

    private static decimal Amount(JsonNode balance, string field) => balance[field]!["amount"]!.GetValue<decimal>();

    private static async Task<string> OrderStatusAsync(TestUser shopper, JsonNode order) =>
        (await (await shopper.Client.GetAsync($"/api/orders/{order["id"]!.GetValue<Guid>()}")).Json())["status"]!.GetValue<string>();
}
