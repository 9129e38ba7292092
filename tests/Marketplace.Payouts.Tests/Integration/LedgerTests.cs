using Marketplace.Orders.Contracts;
using MediatR;

namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class LedgerTests(PayoutsApp app)
{
    [Fact]
    public async Task Given_a_card_sub_order_When_paid_then_delivered_Then_its_net_is_pending_then_available_delivery_fee_included()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m, new Dictionary<string, decimal> { ["saffron"] = 0.15m });
        var coop = await app.Cooperatives.NewAsync("Tifaout");
        var order = await app.Orders.PlaceAsync("card", new TestPart(coop, 35m, new TestLine("argan-culinary-oil", 120.05m), new TestLine("saffron", 10.05m)));
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 0m), "nothing is owed before the payment");

        await app.Orders.PayAsync(order);
        // commission: 12.01 (12.005 rounded half away from zero) + 1.51 (1.5075); the delivery fee of 35 is not commissioned
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 151.58m, 0m));

        await app.Orders.DeliverAsync(order, coop);
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((151.58m, 0m, 0m));
    }

    [Fact]
    public async Task Given_a_cash_sub_order_When_delivered_Then_the_cooperative_owes_the_commission()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Amlou");
        await app.Orders.DeliveredCashSaleAsync(coop, 20m, new TestLine("amlou-spreads", 85.50m));

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 8.55m));
    }

    [Fact]
    public async Task Given_events_delivered_twice_When_the_ledger_is_read_Then_each_was_posted_once()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Redelivered");
        var order = await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 200m));

        // The outbox delivers at least once: the very events it delivered, again and at once.
        INotification[] delivered = [
            app.OrdersLog.Of<OrderPlacedIntegrationEvent>().Single(e => e.OrderId == order.Id),
            app.OrdersLog.Of<OrderPaidIntegrationEvent>().Single(e => e.OrderId == order.Id),
            app.OrdersLog.Of<SubOrderDeliveredIntegrationEvent>().Single(e => e.OrderId == order.Id)];
        foreach (var e in delivered) await app.Orders.PublishAsync(e);
        await Task.WhenAll(delivered.SelectMany(e => Enumerable.Range(0, 3).Select(_ => app.Orders.PublishAsync(e))));

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((180m, 0m, 0m));
        var ledger = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger")).Json();
        ledger["total"]!.GetValue<int>().Should().Be(3, "pending +180, then pending -180 and available +180");
    }

    [Fact]
    public async Task Given_a_paid_card_order_When_cancelled_and_refunded_Then_its_entries_are_reversed_once()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Cancelled");
        var kept = await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 100m));
        var order = await app.Orders.PlaceAsync("card", new TestPart(coop, 30m, new TestLine("honey", 200m)));
        await app.Orders.PayAsync(order);
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((90m, 210m, 0m));

        await app.Orders.CancelAsync(order, refunded: true);

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((90m, 0m, 0m));
        var ledger = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=1")).Json();
        var last = ledger["items"]![0]!;
        last["kind"]!.GetValue<string>().Should().Be("cancellation");
        last["reference"]!.GetValue<string>().Should().Be(order.Number);
        last["amount"].Mad().Should().Be(-210m);
        last["balanceAfter"].Mad().Should().Be(0m);
        _ = kept;
    }

    [Fact]
    public async Task Given_an_order_never_placed_When_its_cancellation_arrives_Then_nothing_is_posted_and_nothing_fails()
    {
        var coop = await app.Cooperatives.NewAsync("NeverPlaced");
        var sub = new SubOrderInfo(Guid.CreateVersion7(), coop.Id, [new(Guid.NewGuid(), "SKU-1", "honey", 1, 100m, 100m)], 100m, 0m);

        // Orders cancels only what it placed; Catalogue's tests publish such a cancellation (a reservation released).
        await app.Orders.PublishAsync(new SubOrdersCancelledIntegrationEvent(Guid.NewGuid(), Guid.CreateVersion7(), "SM-2026-000000", [sub],
            "payment_expired", app.Clock.GetUtcNow()));

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 0m));
        (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger")).Json())["total"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Given_a_delivered_card_order_When_refunded_Then_the_available_net_is_reversed()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Refunded");
        var order = await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 300m));

        // Orders refunds whole orders only, before they ship: a partial refund after delivery is published by hand.
        await app.Orders.PublishAsync(new RefundIssuedIntegrationEvent(Guid.NewGuid(), order.Id, order.Number, 100m, "MAD", "re_partial",
            app.Clock.GetUtcNow()));

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((180m, 0m, 0m), "a third refunded: 90 of the cooperative's 270 go back");
    }
}
