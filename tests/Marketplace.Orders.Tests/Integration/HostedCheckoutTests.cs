using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Expiry;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>
/// Issue 15 through the API: cardFlow "hosted" opens a Stripe Checkout Session (the Stripe fake serves them as Stripe does);
/// checkout.session.completed pays the order once; "Pay now" opens a fresh session and expires the old one; a paid order's
/// /pay is 409; two completed sessions leave one payment and one refund.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class HostedCheckoutTests(OrdersApp app)
{
    [Fact]
    public async Task Given_a_hosted_card_checkout_Then_a_checkout_session_carries_the_order_its_lines_and_delivery_and_the_order_window()
    {
        var coop = await app.Market.NewCooperativeAsync(flatFee: 25m);
        var oil = await app.Market.NewProductAsync(coop, 120m, stock: 5);
        var shopper = await app.NewShopperAsync();

        var order = await shopper.Client.PlaceAsync(Hosted((oil, 2)));

        order["payment"]!["clientSecret"].Should().BeNull();
        var session = SessionOf(order);
        (session["client_reference_id"]!.GetValue<string>(), session["metadata"]!["orderId"]!.GetValue<string>())
            .Should().Be((order.Id().ToString(), order.Id().ToString()));
        session["amount_total"]!.GetValue<long>().Should().Be(26500, "2 x 120.00 and the delivery fee of 25.00, in centimes");
        (session["currency"]!.GetValue<string>(), session["mode"]!.GetValue<string>()).Should().Be(("mad", "payment"));
        session["success_url"]!.GetValue<string>().Should().EndWith($"/orders/{order.Id()}?payment=done");
        session["cancel_url"]!.GetValue<string>().Should().EndWith($"/orders/{order.Id()}?payment=cancelled");
        var payBefore = order["payment"]!["payBefore"]!.GetValue<DateTimeOffset>();
        DateTimeOffset.FromUnixTimeSeconds(session["expires_at"]!.GetValue<long>()).Should().BeCloseTo(payBefore, TimeSpan.FromMinutes(2));
        app.Stripe.Calls.Should().Contain(c => c.Path == "/v1/checkout/sessions" && c.Form.GetValueOrDefault("line_items[1][price_data][product_data][name]") == "Livraison");
    }

    [Fact]
    public async Task Given_a_completed_session_Then_the_order_is_paid_once_and_its_pay_is_409()
    {
        var (shopper, order) = await HostedOrderAsync(80m);
        var completed = app.Stripe.CompleteSession(SessionIdOf(order));

        await (await completed.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await (await completed.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        var intent = app.Stripe.Sessions[SessionIdOf(order)]["payment_intent"]!.GetValue<string>();
        await (await app.Stripe.Webhook("payment_intent.succeeded", app.Stripe.PaymentIntents[intent]).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("paid");
        (await app.Events.WaitForAsync<OrderPaidIntegrationEvent>(e => e.OrderId == order.Id())).Single().PaymentReference.Should().Be(intent);
        await Task.Delay(300);
        app.Events.Of<OrderPaidIntegrationEvent>().Count(e => e.OrderId == order.Id()).Should().Be(1);
        (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/pay")).ShouldBeProblem(409))["detail"]!.GetValue<string>().Should().Contain("paid");
    }

    [Fact]
    public async Task Given_an_unpaid_hosted_order_When_the_shopper_pays_now_Then_a_fresh_session_opens_and_the_old_one_is_expired()
    {
        var (shopper, order) = await HostedOrderAsync(60m);
        var first = SessionIdOf(order);
        await (await app.Stripe.ExpireSessionNow(first).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200); // the page timed out
        (await shopper.Client.OrderAsync(order.Id()))["payment"]!.Str("lastFailure").Should().Be("session_expired");

        var pay = await (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/pay")).ShouldHaveStatus(200)).Json();
        var again = await (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/pay")).ShouldHaveStatus(200)).Json();

        var second = pay["checkoutUrl"]!.GetValue<string>().Split('/').Last();
        second.Should().NotBe(first);
        var third = again["checkoutUrl"]!.GetValue<string>().Split('/').Last();
        app.Stripe.Sessions[second]["status"]!.GetValue<string>().Should().Be("expired", "one attempt is open at a time");
        app.Stripe.Sessions[third]["status"]!.GetValue<string>().Should().Be("open");
        (await shopper.Client.OrderAsync(order.Id()))["payment"]!["checkoutUrl"]!.GetValue<string>().Should().EndWith(third);
        await (await (await app.NewShopperAsync()).Client.PostJson($"/api/orders/{order.Id()}/pay")).ShouldBeProblem(403);

        await (await app.Stripe.CompleteSession(third).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("paid");
    }

    [Fact]
    public async Task Given_two_completed_sessions_for_one_order_Then_one_payment_stands_and_the_other_is_refunded()
    {
        var (shopper, order) = await HostedOrderAsync(70m);
        var other = await SecondSessionAsync(order);
        await (await app.Stripe.CompleteSession(SessionIdOf(order)).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        await (await app.Stripe.CompleteSession(other).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("paid");
        var intents = new[] { SessionIdOf(order), other }.Select(s => app.Stripe.Sessions[s]["payment_intent"]!.GetValue<string>()).ToList();
        app.Stripe.Refunds.Values.Where(r => intents.Contains((string)r["payment_intent"]!)).Should().ContainSingle()
            .Which["payment_intent"]!.GetValue<string>().Should().Be(intents[1], "the second payment goes back");
    }

    [Fact]
    public async Task Given_a_session_paid_whose_webhook_never_came_When_the_order_window_ends_Then_it_is_paid_not_expired()
    {
        var (shopper, order) = await HostedOrderAsync(55m);
        app.Stripe.CompleteSession(SessionIdOf(order)); // paid on Stripe's page; the webhook is lost

        using (var scope = app.Services.CreateScope())
            await new ExpireUnpaidOrdersJob(scope.ServiceProvider.GetRequiredService<IMediator>(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(31)))
                .RunAsync(CancellationToken.None);

        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("paid");
    }

    [Fact]
    public async Task Given_an_unknown_card_flow_Then_400_and_nothing_is_placed()
    {
        var oil = await app.Market.NewProductAsync(await app.Market.NewCooperativeAsync(), 10m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var body = new { lines = new[] { new { productId = oil.Id, quantity = 1 } }, shippingAddress = Shop.Address, paymentMethod = "card", cardFlow = "popup" };
        await (await shopper.Client.CheckoutAsync(body)).ShouldBeValidationProblem("cardFlow");
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(0);
    }

    private static object Hosted(params (MarketProduct Product, int Quantity)[] lines) => new
    {
        lines = lines.Select(l => new { productId = l.Product.Id, quantity = l.Quantity }).ToArray(),
        shippingAddress = Shop.Address, paymentMethod = "card", cardFlow = "hosted",
    };

    private async Task<(TestUser Shopper, JsonNode Order)> HostedOrderAsync(decimal price)
    {
        var oil = await app.Market.NewProductAsync(await app.Market.NewCooperativeAsync(), price, stock: 5);
        var shopper = await app.NewShopperAsync();
        return (shopper, await shopper.Client.PlaceAsync(Hosted((oil, 1))));
    }

    private static string SessionIdOf(JsonNode order) => order["payment"]!["checkoutUrl"]!.GetValue<string>().Split('/').Last();

    private JsonObject SessionOf(JsonNode order) => app.Stripe.Sessions[SessionIdOf(order)];

    /// <summary>Another session for the same order made at Stripe (a second tab, a replayed form): Stripe's own API.</summary>
    private async Task<string> SecondSessionAsync(JsonNode order)
    {
        using var stripe = new HttpClient { BaseAddress = new Uri(app.Stripe.ApiBase) };
        stripe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Stripe.SecretKey);
        var created = await stripe.PostAsync("/v1/checkout/sessions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["mode"] = "payment", ["client_reference_id"] = order.Id().ToString(), ["line_items[0][quantity]"] = "1",
            ["line_items[0][price_data][currency]"] = "mad", ["line_items[0][price_data][unit_amount]"] = ((long)(order.Amount("total") * 100)).ToString(),
            ["line_items[0][price_data][product_data][name]"] = "x", ["payment_intent_data[metadata][orderId]"] = order.Id().ToString(),
            ["success_url"] = "https://example.test/ok", ["cancel_url"] = "https://example.test/no",
        }));
        return (await (await created.ShouldHaveStatus(200)).Json())["id"]!.GetValue<string>();
    }
}
