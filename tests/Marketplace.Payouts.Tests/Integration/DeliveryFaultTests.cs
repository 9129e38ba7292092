using System.Text.Json.Nodes;
using Marketplace.Orders.Contracts;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>
/// Issue 14, part 1: no integration event is ever dropped. Real faults in the real database (a trigger fails or holds the
/// inserts of one module) make one receiver of the Orders events fail while the others go on.
/// </summary>
[Collection(PayoutsCollection.Name)]
public sealed class DeliveryFaultTests(PayoutsApp app)
{
    [Fact]
    public async Task Given_Catalogue_failing_twice_to_sell_an_order_Then_it_sells_it_once_on_a_retry_and_Payouts_is_not_held_back()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Retried");
        var product = await app.Orders.ProductOfAsync(coop, new TestLine("honey", 200m));
        await using var fault = await app.Faults.FailAsync("catalogue.mt_events", 2, product.ToString(), "catalogue.stock_sold");

        var order = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("honey", 200m)));
        await app.Orders.PayAsync(order);

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 180m, 0m), "Payouts took the order while Catalogue failed");
        var sold = await Poll.UntilAsync(() => ProductAsync(product), p => p["reserved"]!.GetValue<int>() == 0, what: "the stock sold on a retry");
        sold["onHand"]!.GetValue<int>().Should().Be(10_000 - 1, "sold once, whatever the attempts");
        await Poll.UntilAsync(() => UndeliveredAsync(admin, order), u => u.Count == 0, what: "nothing left to deliver");
    }

    [Fact]
    public async Task Given_Catalogue_always_failing_Then_the_order_is_parked_for_Catalogue_alone_and_Payouts_credits_the_cooperative()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Parked");
        var product = await app.Orders.ProductOfAsync(coop, new TestLine("honey", 300m));
        await using (await app.Faults.FailAsync("catalogue.mt_events", DatabaseFaults.Always, product.ToString(), "catalogue.stock_sold"))
        {
            var order = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("honey", 300m)));
            await app.Orders.PayAsync(order);
            await app.Orders.DeliverAsync(order, coop);

            var parked = (await Poll.UntilAsync(() => UndeliveredAsync(admin, order), u => u.Any(e => e["state"]!.GetValue<string>() == "parked"),
                what: "the order parked for Catalogue")).Single();
            (parked["receiver"]!.GetValue<string>(), parked["message"]!.GetValue<string>(), parked["attempts"]!.GetValue<int>())
                .Should().Be(("catalogue", nameof(OrderPlacedIntegrationEvent), 4));
            parked["error"]!.GetValue<string>().Should().Contain("fault injected by the test");
            (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((270m, 0m, 0m), "Payouts was paid and told of the delivery");
            (await ProductAsync(product))["reserved"]!.GetValue<int>().Should().Be(1, "the stock stays reserved for the order meanwhile");

            var home = await (await admin.GetAsync("/admin")).ShouldHaveStatus(200);
            (await home.Content.ReadAsStringAsync()).Should().Contain("data-testid=\"parked-events\"");
        }
    }

    [Fact]
    public async Task Given_Payouts_failing_for_an_order_When_fixed_and_replayed_Then_the_cooperative_is_credited_once_in_the_order_of_events()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Replayed");
        TestOrder order;
        await using (await app.Faults.FailAsync("payouts.mt_events", DatabaseFaults.Always, coop.Id.ToString(), "payouts.sale_recorded"))
        {
            order = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("saffron", 500m)));
            await app.Orders.PayAsync(order);
            await app.Orders.DeliverAsync(order, coop);
            var undelivered = await Poll.UntilAsync(() => UndeliveredAsync(admin, order),
                u => u.Count == 3 && u[0]["state"]!.GetValue<string>() == "parked", what: "the order parked for Payouts, its later events behind it");
            undelivered.Select(u => (u["receiver"]!.GetValue<string>(), u["message"]!.GetValue<string>(), u["state"]!.GetValue<string>()))
                .Should().Equal(("payouts", nameof(OrderPlacedIntegrationEvent), "parked"), ("payouts", nameof(OrderPaidIntegrationEvent), "waiting"),
                    ("payouts", nameof(SubOrderDeliveredIntegrationEvent), "waiting"));
            (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 0m), "nothing is credited out of order");
        }

        var id = (await UndeliveredAsync(admin, order))[0]["id"]!.GetValue<string>();
        await (await admin.PostJson($"/api/admin/outbox/undelivered/{Uri.EscapeDataString(id)}/replay")).ShouldHaveStatus(200);
        await Poll.UntilAsync(() => UndeliveredAsync(admin, order), u => u.Count == 0, what: "the order and its events taken after the replay");
        await (await admin.PostJson($"/api/admin/outbox/undelivered/{Uri.EscapeDataString(id)}/replay")).ShouldBeProblem(404);

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((450m, 0m, 0m));
        var ledger = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger")).Json();
        ledger["items"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).Should().BeEquivalentTo(["card_sale", "delivery", "delivery"],
            "paid once (pending +450), delivered once (pending -450, available +450)");
    }

    [Fact]
    public async Task Given_Payouts_slower_than_the_outbox_waits_Then_the_attempt_counts_and_a_retry_credits_the_cooperative_once()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Slow");
        await using var fault = await app.Faults.DelayAsync("payouts.mt_events", 1, 8, coop.Id.ToString(), "payouts.cash_sale_delivered");

        await app.Orders.DeliveredCashSaleAsync(coop, 0m, new TestLine("honey", 100m));

        await Poll.UntilAsync(() => coop.Owner.Client.BalanceAsync(coop.Id), b => b == (0m, 0m, 10m), TimeSpan.FromSeconds(60), "the commission owed");
        var ledger = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger")).Json();
        ledger["total"]!.GetValue<int>().Should().Be(1, "owed once, though the first attempt timed out");
    }

    private async Task<JsonNode> ProductAsync(Guid id) => await (await (await app.Anonymous().GetAsync($"/api/products/{id}")).ShouldHaveStatus(200)).Json();

    private static async Task<IReadOnlyList<JsonNode>> UndeliveredAsync(HttpClient admin, TestOrder order) =>
        (await (await (await admin.GetAsync("/api/admin/outbox/undelivered")).ShouldHaveStatus(200)).Json())["items"]!.AsArray()
            .Where(e => e!["streamId"]!.GetValue<Guid>() == order.Id).Select(e => e!).ToList();
}
