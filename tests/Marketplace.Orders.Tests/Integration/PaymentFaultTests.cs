using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Expiry;
using Marketplace.Orders.Payments;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>
/// Issue 14, part 3: paid means paid on every path. A webhook that never arrives, a payment of the wrong amount or a second
/// payment, a refund the gateway cannot or will not make: through the real Orders module and the Stripe fake.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class PaymentFaultTests(OrdersApp app)
{
    [Fact]
    public async Task Given_a_card_order_paid_at_Stripe_whose_webhook_never_came_When_its_window_ends_Then_it_is_paid_not_expired_and_once()
    {
        var (shopper, order, intent) = await CardOrderAsync(80m, 2);
        var webhook = app.Stripe.Succeed(intent); // paid at Stripe; the webhook is lost

        (await RunExpiryAsync(TimeSpan.FromMinutes(31))).Should().Be(0);

        var after = await shopper.Client.OrderAsync(order.Id());
        (after.Str("status"), after["payment"]!.Str("status")).Should().Be(("paid", "paid"));
        await (await webhook.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200); // it comes after all
        await app.Events.WaitForAsync<OrderPaidIntegrationEvent>(e => e.OrderId == order.Id());
        await Task.Delay(500);
        app.Events.Of<OrderPaidIntegrationEvent>().Where(e => e.OrderId == order.Id()).Select(e => e.EventId).Distinct().Should().ContainSingle("paid once");
        app.Stripe.Refunds.Values.Should().NotContain(r => (string)r["payment_intent"]! == intent);
    }

    [Fact]
    public async Task Given_a_payment_of_another_amount_Then_it_is_refunded_at_once_shown_to_administrators_and_the_order_stays_unpaid()
    {
        var (shopper, order, intent) = await CardOrderAsync(50m, 1);

        await (await app.Stripe.Succeed(intent, amountReceived: 100).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        var after = await shopper.Client.OrderAsync(order.Id());
        after.Str("status").Should().Be("pending_payment");
        after["payment"]!.Str("lastFailure").Should().StartWith("amount_mismatch");
        app.Stripe.Refunds.Values.Should().ContainSingle(r => (string)r["payment_intent"]! == intent).Which["amount"]!.GetValue<long>().Should().Be(100);
        var problems = await ProblemsAsync();
        problems["strayPayments"]!.AsArray().Should().ContainSingle(s => s!["paymentReference"]!.GetValue<string>() == intent)
            .Which!["refundStatus"]!.GetValue<string>().Should().Be("issued");
        app.Events.Of<OrderPaidIntegrationEvent>().Should().NotContain(e => e.OrderId == order.Id());
    }

    [Fact]
    public async Task Given_a_paid_order_When_a_second_payment_of_it_succeeds_Then_the_second_is_refunded_and_the_first_kept()
    {
        var (shopper, order, intent) = await CardOrderAsync(65m, 2);
        await (await app.Stripe.Succeed(intent).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        var second = await SecondIntentAsync(order, 13000);

        await (await app.Stripe.Succeed(second).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("paid");
        app.Stripe.Refunds.Values.Where(r => (string)r["payment_intent"]! == second).Should().ContainSingle().Which["amount"]!.GetValue<long>().Should().Be(13000);
        app.Stripe.Refunds.Values.Should().NotContain(r => (string)r["payment_intent"]! == intent);
        (await ProblemsAsync())["strayPayments"]!.AsArray().Should().Contain(s => s!["reason"]!.GetValue<string>() == "second_payment"
            && s["paymentReference"]!.GetValue<string>() == second);
    }

    [Fact]
    public async Task Given_a_refund_Stripe_refuses_for_good_Then_it_is_blocked_shown_to_administrators_and_never_starves_the_others()
    {
        var (refusedShopper, refused, refusedIntent) = await CardOrderAsync(40m, 1);
        await (await app.Stripe.Succeed(refusedIntent).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await RefundAtStripeAsync(refusedIntent); // refunded in Stripe's dashboard first: our refund is refused as already made
        var (shopper, order, intent) = await CardOrderAsync(45m, 1);
        await (await app.Stripe.Succeed(intent).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        await (await refusedShopper.Client.PostJson($"/api/orders/{refused.Id()}/cancel")).ShouldHaveStatus(200);
        app.Stripe.FailNext("/v1/refunds", times: 10); // Stripe down for the second cancellation
        await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldHaveStatus(200);
        app.Stripe.FailNext("/v1/refunds", times: 0);

        var blocked = (await ProblemsAsync())["blockedRefunds"]!.AsArray().Single(b => b!["orderId"]!.GetValue<Guid>() == refused.Id())!;
        blocked["lastError"]!.GetValue<string>().Should().Contain("charge_already_refunded");
        (await refusedShopper.Client.OrderAsync(refused.Id()))["payment"]!.Str("status").Should().Be("refund_pending");
        await Poll.UntilAsync(() => RunRefundsAsync(batchSize: 1), n => n >= 1, what: "the due refund issued although a blocked one is older");
        app.Stripe.Refunds.Values.Should().ContainSingle(r => (string)r["payment_intent"]! == intent);
        (await shopper.Client.OrderAsync(order.Id()))["payment"]!.Str("status").Should().Be("refunded");
        app.Stripe.Calls.Count(c => c.Path == "/v1/refunds" && c.IdempotencyKey is not null && c.Form.GetValueOrDefault("payment_intent") == refusedIntent)
            .Should().Be(1, "a refund refused for good is not tried again");
    }

    [Fact]
    public async Task Given_an_expired_order_whose_payment_Stripe_cannot_stop_now_Then_it_is_looked_at_later_and_never_starves_the_others()
    {
        var (stuckShopper, stuck, stuckIntent) = await CardOrderAsync(30m, 1);
        var (shopper, order, _) = await CardOrderAsync(35m, 1);
        app.Stripe.FailNext($"/v1/payment_intents/{stuckIntent}/cancel", times: 100);
        var later = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(31);

        // One order a run: without the deferral, the stuck one (older) would come first in every run and nothing else would expire.
        for (var run = 0; run < 20 && (await shopper.Client.OrderAsync(order.Id())).Str("status") != "cancelled"; run++)
            await ExpireAsync(later, batchSize: 1);

        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("cancelled", "it is not kept waiting behind the stuck one");
        (await stuckShopper.Client.OrderAsync(stuck.Id())).Str("status").Should().Be("pending_payment");
        app.Stripe.FailNext($"/v1/payment_intents/{stuckIntent}/cancel", times: 0);
        (await ExpireAsync(later + TimeSpan.FromMinutes(2), batchSize: 200)).Should().BeGreaterThanOrEqualTo(1, "tried again once its delay is over");
        (await stuckShopper.Client.OrderAsync(stuck.Id())).Str("status").Should().Be("cancelled");
    }

    private async Task<int> ExpireAsync(DateTimeOffset now, int batchSize)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExpireUnpaidOrders(now, batchSize));
    }

    private async Task<(TestUser Shopper, JsonNode Order, string Intent)> CardOrderAsync(decimal price, int quantity)
    {
        var coop = await app.Market.NewCooperativeAsync();
        var product = await app.Market.NewProductAsync(coop, price, stock: 10);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (product, quantity)));
        return (shopper, order, order["payment"]!.Str("clientSecret").Split("_secret_")[0]);
    }

    /// <summary>Another PaymentIntent for the same order, made at Stripe (a second tab, a replayed form): Stripe's own API.</summary>
    private async Task<string> SecondIntentAsync(JsonNode order, long amount)
    {
        using var stripe = new HttpClient { BaseAddress = new Uri(app.Stripe.ApiBase) };
        stripe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Stripe.SecretKey);
        var created = await stripe.PostAsync("/v1/payment_intents", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["amount"] = amount.ToString(), ["currency"] = "mad", ["metadata[orderId]"] = order.Id().ToString(),
            ["metadata[orderNumber]"] = order.Str("number"),
        }));
        return (await (await created.ShouldHaveStatus(200)).Json())["id"]!.GetValue<string>();
    }

    private async Task RefundAtStripeAsync(string intent)
    {
        using var stripe = new HttpClient { BaseAddress = new Uri(app.Stripe.ApiBase) };
        stripe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Stripe.SecretKey);
        await (await stripe.PostAsync("/v1/refunds", new FormUrlEncodedContent(new Dictionary<string, string> { ["payment_intent"] = intent })))
            .ShouldHaveStatus(200);
    }

    private async Task<JsonNode> ProblemsAsync() =>
        await (await (await (await app.AdminAsync()).Client.GetAsync("/api/admin/payments/problems")).ShouldHaveStatus(200)).Json();

    private async Task<int> RunExpiryAsync(TimeSpan ahead)
    {
        using var scope = app.Services.CreateScope();
        var job = new ExpireUnpaidOrdersJob(scope.ServiceProvider.GetRequiredService<IMediator>(), new FakeTimeProvider(DateTimeOffset.UtcNow + ahead));
        return await job.RunAsync(CancellationToken.None);
    }

    private async Task<int> RunRefundsAsync(int batchSize)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueDueRefunds(batchSize));
    }
}
