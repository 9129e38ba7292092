using Marketplace.Orders.Contracts;
using Marketplace.Testing.Stripe;

namespace Marketplace.Orders.Tests.Integration;

[Collection(OrdersCollection.Name)]
public sealed class CardPaymentTests(OrdersApp app)
{
    private async Task<(TestUser Shopper, System.Text.Json.Nodes.JsonNode Order, string IntentId)> CardOrderAsync(decimal price = 120m, int quantity = 2)
    {
        var coop = await app.Market.NewCooperativeAsync(flatFee: 30m);
        var oil = await app.Market.NewProductAsync(coop, price, stock: 10);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, quantity)));
        var secret = order["payment"]!.Str("clientSecret");
        return (shopper, order, secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Given_a_card_checkout_Then_the_order_waits_for_a_stripe_payment_intent_in_centimes_of_mad()
    {
        var (_, order, intentId) = await CardOrderAsync(price: 120.55m, quantity: 2);

        order.Str("status").Should().Be("pending_payment");
        order["payment"]!.Str("method").Should().Be("card");
        order["payment"]!.Str("status").Should().Be("pending");
        order.Amount("total").Should().Be(271.10m);
        var intent = app.Stripe.PaymentIntents[intentId];
        intent["amount"]!.GetValue<long>().Should().Be(27110);
        intent["currency"]!.GetValue<string>().Should().Be("mad");
        intent["metadata"]!["orderId"]!.GetValue<string>().Should().Be(order.Id().ToString());
        intent["client_secret"]!.GetValue<string>().Should().Be(order["payment"]!.Str("clientSecret"));
        var call = app.Stripe.Calls.Single(c => c.Path == "/v1/payment_intents" && c.Form["metadata[orderId]"] == order.Id().ToString() && !c.Replayed);
        call.IdempotencyKey.Should().Be($"order-{order.Id():N}-payment");
        call.Form["amount"].Should().Be("27110");
    }

    [Fact]
    public async Task Given_a_pending_card_order_When_the_succeeded_webhook_is_delivered_several_times_Then_it_is_paid_once()
    {
        var (shopper, order, intentId) = await CardOrderAsync();
        var webhook = app.Stripe.Succeed(intentId);
        var client = app.Anonymous();

        (await webhook.DeliverAsync(client)).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => webhook.DeliverAsync(client)));

        again.Should().OnlyContain(r => r.IsSuccessStatusCode);
        var paid = await shopper.Client.OrderAsync(order.Id());
        paid.Str("status").Should().Be("paid");
        paid["payment"]!.Str("status").Should().Be("paid");
        paid["payment"]!["clientSecret"].Should().BeNull();
        await app.Events.WaitForAsync<OrderPaidIntegrationEvent>(e => e.OrderId == order.Id());
        await Task.Delay(500);
        var events = app.Events.Of<OrderPaidIntegrationEvent>().Where(e => e.OrderId == order.Id()).ToList();
        events.Select(e => e.EventId).Distinct().Should().ContainSingle("a payment is recorded once");
        events[0].Amount.Should().Be(order.Amount("total"));
        events[0].PaymentReference.Should().Be(intentId);
    }

    [Fact]
    public async Task Given_a_pending_card_order_When_a_forged_or_stale_webhook_arrives_Then_400_and_nothing_changes()
    {
        var (shopper, order, intentId) = await CardOrderAsync();
        var genuine = app.Stripe.Succeed(intentId);
        var client = app.Anonymous();

        StripeWebhook[] forged =
        [
            genuine with { Signature = StripeWebhook.Sign(genuine.Body, "whsec_not_the_secret", DateTimeOffset.UtcNow) },
            genuine with { Signature = StripeWebhook.Sign(genuine.Body, app.Stripe.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10)) },
            genuine with { Body = genuine.Body.Replace("\"livemode\":false", "\"livemode\":true") },
            genuine with { Signature = "" },
            genuine with { Signature = "t=abc,v1=zz" },
        ];
        foreach (var webhook in forged)
            await (await webhook.DeliverAsync(client)).ShouldBeProblem(400);

        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("pending_payment");
        await (await genuine.DeliverAsync(client)).ShouldHaveStatus(200);
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("paid", "a forged delivery does not use up the event id");
    }

    [Fact]
    public async Task Given_a_pending_card_order_When_the_payment_fails_Then_it_is_recorded_and_the_order_can_still_be_paid()
    {
        var (shopper, order, intentId) = await CardOrderAsync();

        await (await app.Stripe.Decline(intentId, "Your card has insufficient funds.").DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        var failed = await shopper.Client.OrderAsync(order.Id());
        failed.Str("status").Should().Be("pending_payment");
        failed["payment"]!.Str("status").Should().Be("failed");
        failed["payment"]!.Str("lastFailure").Should().Be("Your card has insufficient funds.");
        failed["payment"]!.Str("clientSecret").Should().Be(order["payment"]!.Str("clientSecret"));
        await (await app.Stripe.Succeed(intentId).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("paid");
    }

    [Fact]
    public async Task Given_a_pending_card_order_When_stripe_reports_another_amount_Then_it_is_not_paid()
    {
        var (shopper, order, intentId) = await CardOrderAsync();
        await (await app.Stripe.Succeed(intentId, amountReceived: 100).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        var after = await shopper.Client.OrderAsync(order.Id());
        after.Str("status").Should().Be("pending_payment");
        after["payment"]!.Str("lastFailure").Should().StartWith("amount_mismatch");
    }

    [Fact]
    public async Task Given_an_event_type_we_do_not_handle_When_delivered_Then_it_is_acknowledged_and_ignored()
    {
        var (shopper, order, _) = await CardOrderAsync();
        var webhook = app.Stripe.Webhook("customer.created", new System.Text.Json.Nodes.JsonObject { ["id"] = "cus_1", ["object"] = "customer" });
        await (await webhook.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("pending_payment");
    }
}

public sealed class WithoutStripeTests(OrdersAppWithoutStripe app) : IClassFixture<OrdersAppWithoutStripe>
{
    [Fact]
    public async Task Given_no_stripe_keys_When_paying_by_card_Then_400_on_payment_method_and_cash_on_delivery_still_works()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 10m, stock: 5);
        var shopper = await app.NewShopperAsync();

        var refused = await (await shopper.Client.CheckoutAsync(Shop.Cart("card", (oil, 1)))).ShouldBeValidationProblem("paymentMethod");
        refused["paymentMethod"]![0]!.GetValue<string>().Should().Contain("cash_on_delivery");
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(5);

        var cash = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1)));
        cash.Str("status").Should().Be("placed");
        var webhook = app.Stripe.Webhook("payment_intent.succeeded", new System.Text.Json.Nodes.JsonObject { ["id"] = "pi_1", ["object"] = "payment_intent" });
        await (await webhook.DeliverAsync(app.Anonymous())).ShouldBeProblem(400);
    }
}
