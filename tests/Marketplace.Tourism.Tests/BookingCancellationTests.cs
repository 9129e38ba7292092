using System.Text.Json.Nodes;
using Marketplace.Orders.Contracts;
using MediatR;
using Marketplace.Tourism.Domain;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tourism.Tests;

/// <summary>
/// Issue 20: the shopper's cancellation refunds by the experience's policy (72 h for the workshop) and the time left, through
/// the gateway, and the cooperative's ledger follows; the cooperative's cancellation refunds in full and is recorded against it.
/// </summary>
public sealed class BookingCancellationTests(BookingApp app) : IClassFixture<BookingApp>
{
    private async Task<(MarketCooperative Coop, Guid Experience, Guid Slot)> WorkshopAsync(DateTimeOffset startsAt, int capacity = 10, string status = "open")
    {
        var coop = await app.Market.NewCooperativeAsync();
        var experience = (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences", ExperienceTests.Workshop())).Json())["id"]!
            .GetValue<Guid>();
        var slot = (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences/{experience}/slots",
            new { startsAt = startsAt.ToString("yyyy-MM-ddTHH:mm:00zzz"), capacity, status })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        return (coop, experience, slot);
    }

    private async Task<JsonNode> PaidAsync(TestUser shopper, params object[] lines)
    {
        var order = await shopper.Client.PlaceAsync(new { lines, shippingAddress = Shop.Address, paymentMethod = "card" });
        var secret = order["payment"]!.Str("clientSecret");
        await (await app.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        return order;
    }

    private decimal RefundedAt(JsonNode order)
    {
        var secret = order["payment"]!.Str("clientSecret");
        var intent = secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)];
        return app.Stripe.Refunds.Values.Where(r => r["payment_intent"]!.GetValue<string>() == intent).Sum(r => r["amount"]!.GetValue<long>()) / 100m;
    }

    private async Task<int> SeatsLeftAsync(Guid slot)
    {
        await using var session = app.Services.GetRequiredService<ITourismStore>().QuerySession();
        return (await session.LoadAsync<Slot>(slot))!.SeatsLeft;
    }

    private static async Task<(decimal Available, decimal Pending)> BalanceAsync(MarketCooperative coop)
    {
        var b = await (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/balance")).ShouldHaveStatus(200)).Json();
        return (b["available"]!["amount"]!.GetValue<decimal>(), b["pending"]!["amount"]!.GetValue<decimal>());
    }

    private static JsonNode BookingLine(JsonNode order, MarketCooperative coop) =>
        order.SubOrderOf(coop)["lines"]!.AsArray().Single(l => l!["booking"] is JsonObject)!;

    [Fact]
    public async Task A_shopper_who_cancels_a_paid_visit_in_time_is_refunded_its_price_through_stripe_once_and_the_ledger_follows()
    {
        var (host, _, slot) = await WorkshopAsync(DateTimeOffset.UtcNow.AddDays(12));
        var seller = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(seller, 120m, 5);
        var shopper = await app.NewShopperAsync();
        var order = await PaidAsync(shopper, new { productId = oil.Id, quantity = 1 }, new { slotId = slot, participants = 2 });
        await Poll.UntilAsync(() => BalanceAsync(host), b => b.Pending > 0, what: "the visit's sale pending in the host's ledger");

        var url = $"/api/orders/{order.Id()}/bookings/{slot}/cancel";
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => shopper.Client.PostJson(url)));
        answers.Should().OnlyContain(r => r.IsSuccessStatusCode, "cancelling again changes nothing");
        await (await (await app.NewShopperAsync()).Client.PostJson(url)).ShouldBeProblem(403);

        var after = await shopper.Client.OrderAsync(order.Id());
        after.SubOrderOf(host).Str("status").Should().Be("cancelled", "the visit was all its cooperative's part");
        after.SubOrderOf(seller).Str("status").Should().Be("placed", "the argan oil still goes");
        BookingLine(after, host)["booking"]!.Str("status").Should().Be("cancelled");
        RefundedAt(order).Should().Be(500m, "two places at 250 MAD, once whatever the retries");
        await Poll.UntilAsync(() => SeatsLeftAsync(slot), n => n == 10, what: "the seats back");
        await Poll.UntilAsync(() => BalanceAsync(host), b => b == (0m, 0m), what: "the host's sale reversed");
        (await BalanceAsync(seller)).Pending.Should().BeGreaterThan(0, "the seller's sale stands");
    }

    [Fact]
    public async Task A_shopper_who_cancels_inside_the_policy_s_notice_gets_nothing_back_and_the_cooperative_is_paid_for_the_visit()
    {
        var (host, _, slot) = await WorkshopAsync(DateTimeOffset.UtcNow.AddHours(30)); // 72 h notice: already inside it
        var shopper = await app.NewShopperAsync();
        var order = await PaidAsync(shopper, new { slotId = slot, participants = 3 });

        var after = await (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/bookings/{slot}/cancel")).ShouldHaveStatus(200)).Json();

        var booking = BookingLine(after, host)["booking"]!;
        booking.Str("status").Should().Be("given_up");
        booking["refund"]!["amount"]!.GetValue<decimal>().Should().Be(0m);
        after.SubOrderOf(host).Str("status").Should().Be("delivered", "nothing more to happen: the price is the cooperative's");
        RefundedAt(order).Should().Be(0m);
        await Poll.UntilAsync(() => SeatsLeftAsync(slot), n => n == 10, what: "the places free for others");
        await Poll.UntilAsync(() => BalanceAsync(host), b => b.Available + b.Pending > 600m, what: "the host's sale of 750 MAD (less commission) kept");
    }

    [Fact]
    public async Task A_cooperative_that_cancels_its_date_refunds_every_booking_in_full_is_recorded_and_takes_no_more()
    {
        var (host, experience, slot) = await WorkshopAsync(DateTimeOffset.UtcNow.AddHours(30));
        var (card, cash) = (await app.NewShopperAsync(), await app.NewShopperAsync());
        var paid = await PaidAsync(card, new { slotId = slot, participants = 2 });
        var seller = await app.Market.NewCooperativeAsync();
        var soap = await app.Market.NewProductAsync(seller, 40m, 5);
        var cod = await cash.Client.PlaceAsync(new
        {
            lines = new object[] { new { productId = soap.Id, quantity = 1 }, new { slotId = slot, participants = 1 } },
            shippingAddress = Shop.Address, paymentMethod = "cash_on_delivery",
        });
        var url = $"/api/cooperatives/{host.Id}/experiences/{experience}/slots/{slot}/cancel";
        await (await host.Owner.Client.PostJson(url, new { reason = "" })).ShouldBeValidationProblem("reason");
        await (await seller.Owner.Client.PostJson(url, new { reason = "x" })).ShouldBeProblem(403);

        var cancelled = await (await (await host.Owner.Client.PostJson(url, new { reason = "Route coupée par la neige" })).ShouldHaveStatus(200)).Json();

        cancelled.Str("status").Should().Be("cancelled");
        RefundedAt(paid).Should().Be(500m, "in full, although the shopper's own notice was over");
        var placedLate = new OrderPlacedIntegrationEvent(Guid.NewGuid(), paid.Id(), paid.Str("number"), card.Id, "card",
            [new SubOrderInfo(paid.SubOrderOf(host).Id(), host.Id, [new OrderLineInfo(slot, "SLOT", "solidarity-tourism", 2, 250m, 500m, true)], 500m, 0m)],
            500m, "MAD", DateTimeOffset.UtcNow);
        await using (var scope = app.Services.CreateAsyncScope()) // the order's placing reaches Tourism late, twice, after its date was cancelled
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => scope.ServiceProvider.GetRequiredService<IMediator>().Publish(placedLate)));
        RefundedAt(paid).Should().Be(500m, "refunded once");
        var paidAfter = await card.Client.OrderAsync(paid.Id());
        paidAfter.SubOrderOf(host).Str("cancelReason").Should().Be("cooperative");
        paidAfter.SubOrderOf(host).Str("cancelNote").Should().Be("Route coupée par la neige");
        var codAfter = await cash.Client.OrderAsync(cod.Id());
        BookingLine(codAfter, host)["booking"]!.Str("status").Should().Be("cancelled");
        await Poll.UntilAsync(() => SeatsLeftAsync(slot), n => n == 10, what: "both bookings' seats back");
        var late = await card.Client.CheckoutAsync(new { lines = new[] { new { slotId = slot, participants = 1 } }, shippingAddress = Shop.Address,
            paymentMethod = "cash_on_delivery" });
        await late.ShouldBeProblem(409);
        var shown = await (await app.Anonymous().GetAsync($"/api/experiences/{experience}")).Json();
        shown["cancelledByHost"]!.GetValue<int>().Should().Be(1, "the cancelled date with bookings counts against the cooperative for a year");
    }

    [Fact]
    public async Task A_visit_cancelled_from_a_cash_order_leaves_its_sub_order_so_cash_and_commission_are_on_the_products_alone()
    {
        var (host, _, slot) = await WorkshopAsync(DateTimeOffset.UtcNow.AddHours(30));
        var soap = await app.Market.NewProductAsync(host, 40m, 5);
        var (other, shopper) = (await app.Market.NewCooperativeAsync(), await app.NewShopperAsync());
        var sameSoap = await app.Market.NewProductAsync(other, 40m, 5);
        var order = await shopper.Client.PlaceAsync(new
        {
            lines = new object[] { new { productId = soap.Id, quantity = 1 }, new { slotId = slot, participants = 2 }, new { productId = sameSoap.Id, quantity = 1 } },
            shippingAddress = Shop.Address, paymentMethod = "cash_on_delivery",
        });

        var after = await (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/bookings/{slot}/cancel")).ShouldHaveStatus(200)).Json();

        var part = after.SubOrderOf(host);
        (part.Str("status"), part.Amount("total")).Should().Be(("placed", 40m), "the soap still goes; the visit's 500 MAD left the sub-order");
        await Poll.UntilAsync(() => SeatsLeftAsync(slot), n => n == 10, what: "the seats back");
        var again = new BookingCancelledIntegrationEvent(Guid.NewGuid(), order.Id(), order.Str("number"), part.Id(), host.Id, slot,
            $"SLOT-{slot.ToString("N")[..8].ToUpperInvariant()}", 2, 500m, 0m, false, "shopper", null, "MAD", DateTimeOffset.UtcNow);
        await using (var scope = app.Services.CreateAsyncScope()) // the outbox's event delivered again, four times at once, and once more late
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => mediator.Publish(again)));
            await mediator.Publish(again with { EventId = Guid.NewGuid() });
        }
        (await SeatsLeftAsync(slot)).Should().Be(10, "never more than the capacity");
        foreach (var (coop, sub) in new[] { (host, part.Id()), (other, after.SubOrderOf(other).Id()) })
        {
            await coop.MoveAsync(sub, "accept");
            await coop.MoveAsync(sub, "ship", Shop.Shipment());
            (await coop.MoveAsync(sub, "deliver"))["cashCollected"]!["amount"]!.GetValue<decimal>().Should().Be(40m);
        }
        var owed = await Poll.UntilAsync(async () => (await (await other.Owner.Client.GetAsync($"/api/cooperatives/{other.Id}/balance")).Json())
            ["owedToPlatform"]!["amount"]!.GetValue<decimal>(), o => o > 0, what: "the commission owed on 40 MAD of soap");
        await Poll.UntilAsync(async () => (await (await host.Owner.Client.GetAsync($"/api/cooperatives/{host.Id}/balance")).Json())
            ["owedToPlatform"]!["amount"]!.GetValue<decimal>(), o => o == owed, what: "the host owing the same: nothing on the cancelled visit");
    }

    [Fact]
    public async Task The_cooperative_s_calendar_lists_who_booked_each_date_with_their_phone_for_its_staff_only()
    {
        var (host, _, slot) = await WorkshopAsync(DateTimeOffset.UtcNow.AddDays(5));
        var (shopper, other) = (await app.NewShopperAsync(), await app.Market.NewCooperativeAsync());
        var order = await shopper.Client.PlaceAsync(new { lines = new[] { new { slotId = slot, participants = 4 } }, shippingAddress = Shop.Address,
            paymentMethod = "cash_on_delivery" });

        var calendar = await (await (await host.Owner.Client.GetAsync($"/api/cooperatives/{host.Id}/calendar")).ShouldHaveStatus(200)).Json();

        var date = calendar.AsArray().Single(c => c!["slot"]!["id"]!.GetValue<Guid>() == slot)!;
        var guest = date["bookings"]!.AsArray().Should().ContainSingle().Subject!;
        (guest["orderId"]!.GetValue<Guid>(), guest["participants"]!.GetValue<int>(), guest["phone"]!.GetValue<string>(), guest["paid"]!.GetValue<bool>())
            .Should().Be((order.Id(), 4, order["shippingAddress"]!.Str("phone"), false));
        guest["fullName"]!.GetValue<string>().Should().Be("Fatima Ait Lahcen");
        await (await other.Owner.Client.GetAsync($"/api/cooperatives/{host.Id}/calendar")).ShouldBeProblem(403);
    }

    [Fact]
    public async Task A_booking_on_request_waits_for_the_cooperative_which_confirms_one_and_declines_another_refunded_in_full()
    {
        var (host, experience, slot) = await WorkshopAsync(DateTimeOffset.UtcNow.AddHours(30), status: "on_request");
        var (first, second) = (await app.NewShopperAsync(), await app.NewShopperAsync());
        var kept = await PaidAsync(first, new { slotId = slot, participants = 2 });
        var declined = await PaidAsync(second, new { slotId = slot, participants = 1 });
        BookingLine(await first.Client.OrderAsync(kept.Id()), host)["booking"]!.Str("status").Should().Be("requested");
        var decline = $"/api/cooperatives/{host.Id}/orders/{declined.SubOrderOf(host).Id()}/bookings/{slot}/decline";
        await (await host.Owner.Client.PostJson(decline, new { reason = "" })).ShouldBeValidationProblem("reason");

        await host.MoveAsync(kept.SubOrderOf(host).Id(), "accept");
        await (await host.Owner.Client.PostJson(decline, new { reason = "Groupe complet ce jour-là" })).ShouldHaveStatus(200);

        BookingLine(await first.Client.OrderAsync(kept.Id()), host)["booking"]!.Str("status").Should().Be("booked", "confirmed");
        var after = await second.Client.OrderAsync(declined.Id());
        (after.SubOrderOf(host).Str("cancelReason"), after.SubOrderOf(host).Str("cancelNote")).Should().Be(("declined", "Groupe complet ce jour-là"));
        RefundedAt(declined).Should().Be(250m, "in full, although inside the 72 h notice");
        RefundedAt(kept).Should().Be(0m);
        await (await host.Owner.Client.PostJson($"/api/cooperatives/{host.Id}/orders/{kept.SubOrderOf(host).Id()}/bookings/{slot}/decline",
            new { reason = "trop tard" })).ShouldBeProblem(409);
        await Poll.UntilAsync(() => SeatsLeftAsync(slot), n => n == 8, what: "the declined place back");
        var shown = await (await app.Anonymous().GetAsync($"/api/experiences/{experience}")).Json();
        shown["cancelledByHost"]!.GetValue<int>().Should().Be(0, "declining a request is not cancelling a booked date");
    }

    [Theory]
    [InlineData(-1, 250)] // a minute before the 72 h notice: all of it back
    [InlineData(1, 0)]    // a minute after: given up, nothing back
    public async Task The_refund_follows_the_policy_to_the_minute_on_the_host_s_clock(int minutesPastNotice, int refunded)
    {
        var start = DateTimeOffset.UtcNow.AddDays(10);
        var (host, _, slot) = await WorkshopAsync(start);
        var shopper = await app.NewShopperAsync();
        var order = await PaidAsync(shopper, new { slotId = slot, participants = 1 });

        JsonNode after;
        using (app.Clock.Advance(start.AddHours(-72).AddMinutes(minutesPastNotice) - DateTimeOffset.UtcNow))
            after = await (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/bookings/{slot}/cancel")).ShouldHaveStatus(200)).Json();

        RefundedAt(order).Should().Be(refunded);
        after.SubOrderOf(host).Str("status").Should().Be(refunded > 0 ? "cancelled" : "delivered");
    }

    [Fact]
    public async Task A_family_booking_paid_on_stripe_s_hosted_page_asks_for_the_order_s_total_and_is_paid()
    {
        var (host, _, slot) = await WorkshopAsync(DateTimeOffset.UtcNow.AddDays(15));
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(new
        {
            lines = new[] { new { slotId = slot, participants = 3, children = 2 } }, shippingAddress = Shop.Address, paymentMethod = "card",
            cardFlow = "hosted",
        });
        order.Amount("total").Should().Be(250m + 2 * 120m);
        var session = order["payment"]!.Str("checkoutUrl").Split('/').Last();
        app.Stripe.Sessions[session]["amount_total"]!.GetValue<long>().Should().Be(49000, "the page asks for the order's total, children at their price");

        await (await app.Stripe.CompleteSession(session).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        var paid = await shopper.Client.OrderAsync(order.Id());
        (paid.Str("status"), paid["payment"]!.Str("status")).Should().Be(("paid", "paid"));
        BookingLine(paid, host)["booking"]!.Str("status").Should().Be("booked");
    }
}
