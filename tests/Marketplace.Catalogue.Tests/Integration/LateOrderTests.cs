using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// Issue 14, part 2: a placed order keeps its stock however late its background work is; a checkout retried after its
/// reservation expired checks stock again; and should stock ever be missing for a placed order, its sub-order is cancelled
/// (refunded by card) with the reason shown to the shopper and the cooperative. Real faults in the real database make
/// the background work late (a receiver failing) or hold a checkout's commit (a slow insert).
/// </summary>
[Collection(LateOrdersCollection.Name)]
public sealed class LateOrderTests(LateOrdersApp app)
{
    private static readonly TimeSpan PastExpiry = LateOrdersApp.ReservationTimeout + TimeSpan.FromMilliseconds(700);

    [Fact]
    public async Task Given_a_placed_order_whose_OrderPlaced_reaches_Catalogue_late_When_its_reservation_expires_Then_its_stock_stays_held_and_is_sold_once()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 90m, stock: 5);
        var admin = (await app.AdminAsync()).Client;
        var shopper = await app.NewShopperAsync();
        await using (await app.Faults.FailAsync("catalogue.mt_events", DatabaseFaults.Always, oil.Id.ToString(), "catalogue.stock_sold"))
        {
            var order = await PlaceAsync(shopper.Client, Cart("cash_on_delivery", (oil.Id, 2)));
            await Task.Delay(PastExpiry);

            (await app.RunExpiryJobAsync()).Should().Be(0, "the order exists: Orders says so");
            (await ProductAsync(oil.Id))["reserved"]!.GetValue<int>().Should().Be(2, "the placed order keeps its stock");
            var other = await app.NewShopperAsync();
            await (await Checkout(other.Client, Cart("cash_on_delivery", (oil.Id, 4)))).ShouldBeProblem(409);
            order["status"]!.GetValue<string>().Should().Be("placed");
        }

        await (await admin.PostJson("/api/admin/outbox/undelivered/replay")).ShouldHaveStatus(200);
        var sold = await Poll.UntilAsync(() => ProductAsync(oil.Id), p => p["reserved"]!.GetValue<int>() == 0, what: "the late order sold");
        (sold["onHand"]!.GetValue<int>(), sold["stock"]!.GetValue<int>()).Should().Be((3, 3));
    }

    [Fact]
    public async Task Given_a_checkout_that_failed_after_reserving_When_retried_after_its_reservation_expired_Then_it_reserves_again()
    {
        var (oil, shopper, key, cart) = await FailedCheckoutAsync();
        (await app.RunExpiryJobAsync()).Should().Be(1, "no order exists for it: released");
        (await ProductAsync(oil.Id))["stock"]!.GetValue<int>().Should().Be(3);

        var retried = await (await (await Checkout(shopper.Client, cart, key)).ShouldHaveStatus(201)).Json();

        retried["status"]!.GetValue<string>().Should().Be("placed");
        var sold = await Poll.UntilAsync(() => ProductAsync(oil.Id), p => p["onHand"]!.GetValue<int>() == 1, what: "the retried order sold");
        (sold["reserved"]!.GetValue<int>(), sold["stock"]!.GetValue<int>()).Should().Be((0, 1));
    }

    [Fact]
    public async Task Given_a_checkout_that_failed_after_reserving_When_retried_after_others_bought_the_stock_Then_409_and_no_order()
    {
        var (oil, shopper, key, cart) = await FailedCheckoutAsync();
        await app.RunExpiryJobAsync();
        await PlaceAsync((await app.NewShopperAsync()).Client, Cart("cash_on_delivery", (oil.Id, 2)));

        var problem = await (await Checkout(shopper.Client, cart, key)).ShouldBeProblem(409);

        problem["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(0, "nothing was placed without stock");
    }

    [Fact]
    public async Task Given_a_paid_order_whose_stock_was_released_before_its_commit_Then_its_sub_order_is_cancelled_refunded_and_both_sides_see_why()
    {
        var argan = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(argan, 120m, stock: 2);
        var honeyCoop = await app.Market.NewCooperativeAsync();
        var honey = await app.Market.NewProductAsync(honeyCoop, 60m, stock: 10);
        var shopper = await app.NewShopperAsync();
        var admin = (await app.AdminAsync()).Client;
        JsonNode order;
        await using (var heldOrders = await app.Faults.FailAsync("orders.mt_events", DatabaseFaults.Always, "out_of_stock"))
        {
            await using (await app.Faults.DelayAsync("orders.mt_events", 1, 6, shopper.Id.ToString(), "orders.order_placed"))
            {
                // The checkout reserves, then its order's commit is held; meanwhile the reservation expires, Orders says it has
                // no such order (not committed yet), the stock is released, and another shopper buys it.
                var checkout = Checkout(shopper.Client, Cart("card", (oil.Id, 2), (honey.Id, 1)));
                // Its reservation first (a loaded machine may take longer than the margin of PastExpiry to get there).
                await Poll.UntilAsync(() => ProductAsync(oil.Id), p => p["reserved"]!.GetValue<int>() == 2, what: "the checkout's reservation");
                await Task.Delay(PastExpiry);
                (await app.RunExpiryJobAsync()).Should().Be(1);
                await PlaceAsync((await app.NewShopperAsync()).Client, Cart("cash_on_delivery", (oil.Id, 2)));
                order = await (await (await checkout).ShouldHaveStatus(201)).Json();
            }
            var secret = order["payment"]!["clientSecret"]!.GetValue<string>();
            await (await app.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]).DeliverAsync(app.Anonymous()))
                .ShouldHaveStatus(200);
        }
        await (await admin.PostJson("/api/admin/outbox/undelivered/replay")).ShouldHaveStatus(200); // Orders may take it now

        var id = order["id"]!.GetValue<Guid>();
        var after = await Poll.UntilAsync(async () => await (await shopper.Client.GetAsync($"/api/orders/{id}")).Json(),
            o => o["subOrders"]!.AsArray().Any(s => s!["status"]!.GetValue<string>() == "cancelled"), what: "the sub-order without stock cancelled");
        var (oilPart, honeyPart) = (Part(after, argan.Id), Part(after, honeyCoop.Id));
        (oilPart["status"]!.GetValue<string>(), oilPart["cancelReason"]!.GetValue<string>()).Should().Be(("cancelled", "out_of_stock"));
        honeyPart["status"]!.GetValue<string>().Should().Be("placed", "the other cooperative's part goes on");
        after["status"]!.GetValue<string>().Should().Be("paid");
        var refund = await Poll.UntilAsync(() => Task.FromResult(app.Stripe.Refunds.Values.Where(r => (string)r["payment_intent"]! ==
            after["payment"]!["clientSecret"]?.GetValue<string>() || r["metadata"]!["orderId"]?.GetValue<string>() == id.ToString()).ToList()),
            r => r.Count > 0, what: "the refund of the cancelled part");
        refund.Should().ContainSingle().Which["amount"]!.GetValue<long>().Should().Be(24000, "the cancelled part's total, 2 x 120.00 MAD");
        var staffView = await (await argan.Owner.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders")).Json();
        staffView["items"]!.AsArray().Single(s => s!["orderId"]!.GetValue<Guid>() == id)!["cancelReason"]!.GetValue<string>().Should().Be("out_of_stock");
        var stock = await ProductAsync(oil.Id);
        (stock["onHand"]!.GetValue<int>(), stock["reserved"]!.GetValue<int>()).Should().Be((0, 0), "never below zero, nothing left held");
    }

    /// <summary>A checkout of 2 of 3 units that reserved, then failed to commit its order (a fault), and whose reservation expired since.</summary>
    private async Task<(MarketProduct Oil, TestUser Shopper, string Key, object Cart)> FailedCheckoutAsync()
    {
        var oil = await app.Market.NewProductAsync(await app.Market.NewCooperativeAsync(), 70m, stock: 3);
        var shopper = await app.NewShopperAsync();
        var (key, cart) = (Guid.NewGuid().ToString(), Cart("cash_on_delivery", (oil.Id, 2)));
        await using (await app.Faults.FailAsync("orders.mt_events", 1, shopper.Id.ToString(), "orders.order_placed"))
            await (await Checkout(shopper.Client, cart, key)).ShouldBeProblem(500); // reserved, then the order's commit failed
        await Task.Delay(PastExpiry);
        return (oil, shopper, key, cart);
    }

    private static JsonNode Part(JsonNode order, Guid cooperativeId) =>
        order["subOrders"]!.AsArray().Single(s => s!["cooperativeId"]!.GetValue<Guid>() == cooperativeId)!;

    private static object Cart(string paymentMethod, params (Guid Product, int Quantity)[] lines) => new
    {
        lines = lines.Select(l => new { productId = l.Product, quantity = l.Quantity }).ToArray(),
        shippingAddress = new { fullName = "Aicha Bouzid", phone = "+212 611 000 000", line1 = "3 derb Lalla", city = "Taroudant" },
        paymentMethod,
    };

    private static Task<HttpResponseMessage> Checkout(HttpClient client, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    private static async Task<JsonNode> PlaceAsync(HttpClient client, object body) =>
        await (await (await Checkout(client, body)).ShouldHaveStatus(201)).Json();

    private async Task<JsonNode> ProductAsync(Guid id) => await (await (await app.Anonymous().GetAsync($"/api/products/{id}")).ShouldHaveStatus(200)).Json();
}
