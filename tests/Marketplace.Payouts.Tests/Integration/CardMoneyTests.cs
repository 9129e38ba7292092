using Marketplace.Orders.Contracts;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>
/// Issue 14, part 3: card money that moves outside the platform reaches the order and the ledger: a refund made in Stripe's
/// dashboard (charge.refunded), a dispute opened (its net held, never paid out) and closed (won: released; lost: reversed).
/// Through the real Orders and Payouts modules, with webhooks signed by the Stripe fake.
/// </summary>
[Collection(PayoutsCollection.Name)]
public sealed class CardMoneyTests(PayoutsApp app)
{
    [Fact]
    public async Task Given_a_refund_made_in_Stripes_dashboard_Then_the_ledger_gives_it_back_once_and_a_full_refund_cancels_what_did_not_ship()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Dashboard");
        var order = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("honey", 500m)));
        await app.Orders.PayAsync(order);
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 450m, 0m));

        var partial = app.Stripe.RefundInDashboard(order.PaymentIntentId!, 10000); // 100.00 MAD
        await (await partial.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await (await partial.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200); // delivered twice
        await app.OrdersLog.HeardAsync<RefundIssuedIntegrationEvent>(e => e.OrderId == order.Id, "the outside refund");
        await Poll.UntilAsync(() => coop.Owner.Client.BalanceAsync(coop.Id), b => b == (0m, 360m, 0m), what: "100 gross given back: 90 net");

        var full = app.Stripe.RefundInDashboard(order.PaymentIntentId!); // the rest
        await (await full.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        var cancelled = await app.OrdersLog.HeardAsync<SubOrdersCancelledIntegrationEvent>(e => e.OrderId == order.Id, "the order cancelled");
        cancelled.Reason.Should().Be("refunded");
        await Poll.UntilAsync(() => coop.Owner.Client.BalanceAsync(coop.Id), b => b == (0m, 0m, 0m), what: "nothing left to pay");
        app.OrdersLog.Of<RefundIssuedIntegrationEvent>().Where(e => e.OrderId == order.Id).Sum(e => e.Amount).Should().Be(500m, "each refund once");
        var staffView = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/orders")).Json();
        staffView["items"]!.AsArray().Single(s => s!["orderId"]!.GetValue<Guid>() == order.Id)!["status"]!.GetValue<string>().Should().Be("cancelled");
    }

    [Fact]
    public async Task Given_a_disputed_card_payment_Then_its_net_is_held_and_never_paid_out_and_a_won_dispute_releases_it()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Disputed");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        var order = await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 300m));

        var opened = app.Stripe.Dispute(order.PaymentIntentId!, out var disputeId);
        await (await opened.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await (await opened.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        await Poll.UntilAsync(() => HeldAsync(coop), h => h == 270m, what: "the net held");
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 0m));
        var run = await PayoutRunTests.RunAsync(admin, app.Today());
        PayoutRunTests.PayoutOf(run, coop).Should().BeNull("held money is never paid out");

        await (await app.Stripe.CloseDispute(order.PaymentIntentId!, disputeId, won: true).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        await Poll.UntilAsync(() => coop.Owner.Client.BalanceAsync(coop.Id), b => b == (270m, 0m, 0m), what: "the net released");
        (await HeldAsync(coop)).Should().Be(0m);
    }

    [Fact]
    public async Task Given_a_lost_dispute_Then_the_sale_is_reversed_like_a_refund_once()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Lost");
        var order = await app.Orders.PlaceAsync("card", new TestPart(coop, 20m, new TestLine("honey", 200m)));
        await app.Orders.PayAsync(order);
        await (await app.Stripe.Dispute(order.PaymentIntentId!, out var disputeId).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await Poll.UntilAsync(() => HeldAsync(coop), h => h == 200m, what: "the net held (200 - 20 commission + 20 delivery)");

        var closed = app.Stripe.CloseDispute(order.PaymentIntentId!, disputeId, won: false);
        await (await closed.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await (await closed.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        await Poll.UntilAsync(async () => (await coop.Owner.Client.BalanceAsync(coop.Id), await HeldAsync(coop)), b => b == ((0m, 0m, 0m), 0m),
            what: "the held net reversed");
        var ledger = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=100")).Json();
        ledger["items"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "dispute_lost").Should().Be(1);
    }

    private async Task<decimal> HeldAsync(TestCooperative coop) =>
        (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/balance")).Json())["held"].Mad();
}
