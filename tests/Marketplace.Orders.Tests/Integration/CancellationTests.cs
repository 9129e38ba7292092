using Marketplace.Orders.Contracts;
using Marketplace.Orders.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration;

[Collection(OrdersCollection.Name)]
public sealed class CancellationTests(OrdersApp app)
{
    private static string IntentOf(System.Text.Json.Nodes.JsonNode order)
    {
        var secret = order["payment"]!.Str("clientSecret");
        return secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Given_a_cash_order_When_the_shopper_cancels_before_shipping_Then_it_is_cancelled_and_its_stock_returns()
    {
        var argan = await app.Market.NewCooperativeAsync();
        var saffron = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(argan, 10m, stock: 5);
        var pot = await app.Market.NewProductAsync(saffron, 10m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 2), (pot, 3)));
        await argan.MoveAsync(order.SubOrderOf(argan).Id(), "accept");

        var cancelled = await (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldHaveStatus(200)).Json();

        cancelled.Str("status").Should().Be("cancelled");
        cancelled["subOrders"]!.AsArray().Should().OnlyContain(s => s!["status"]!.GetValue<string>() == "cancelled");
        cancelled["payment"]!.Str("status").Should().Be("cancelled");
        var told = (await app.Events.WaitForAsync<SubOrdersCancelledIntegrationEvent>(e => e.OrderId == order.Id())).Single();
        told.Reason.Should().Be("shopper");
        told.SubOrders.Should().HaveCount(2);
        await Poll.UntilAsync(() => app.Market.AvailableAsync(oil.Id), n => n == 5, what: "the argan oil back in stock");
        await Poll.UntilAsync(() => app.Market.AvailableAsync(pot.Id), n => n == 5, what: "the saffron back in stock");
        (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldBeProblem(409))["code"]!.GetValue<string>()
            .Should().Be("already_cancelled");
        await argan.MoveAsync(order.SubOrderOf(argan).Id(), "ship", Shop.Shipment(), status: 409);
    }

    [Fact]
    public async Task Given_a_paid_card_order_When_the_shopper_cancels_twice_Then_it_is_refunded_once_through_stripe()
    {
        var coop = await app.Market.NewCooperativeAsync(flatFee: 15m);
        var oil = await app.Market.NewProductAsync(coop, 120m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 1)));
        var intent = IntentOf(order);
        await (await app.Stripe.Succeed(intent).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        var cancels = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")));
        await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldBeProblem(409);

        cancels.Count(r => r.IsSuccessStatusCode).Should().BeGreaterThanOrEqualTo(1);
        var refunds = app.Stripe.Refunds.Values.Where(r => r["payment_intent"]!.GetValue<string>() == intent).ToList();
        refunds.Should().ContainSingle().Which["amount"]!.GetValue<long>().Should().Be(13500);
        var after = await shopper.Client.OrderAsync(order.Id());
        after.Str("status").Should().Be("cancelled");
        after["payment"]!.Str("status").Should().Be("refunded");
        var refund = (await app.Events.WaitForAsync<RefundIssuedIntegrationEvent>(e => e.OrderId == order.Id())).Single();
        refund.Amount.Should().Be(135m);
        refund.RefundReference.Should().Be(refunds[0]["id"]!.GetValue<string>());
        await Task.Delay(300);
        app.Events.Of<RefundIssuedIntegrationEvent>().Where(e => e.OrderId == order.Id()).Select(e => e.EventId).Distinct().Should().ContainSingle();
        await Poll.UntilAsync(() => app.Market.AvailableAsync(oil.Id), n => n == 5, what: "the stock back");
    }

    [Fact]
    public async Task Given_stripe_down_When_a_paid_order_is_cancelled_Then_it_stays_cancelled_refund_pending_and_the_refunds_job_refunds_it_once()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 64.50m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 2)));
        var intent = IntentOf(order);
        await (await app.Stripe.Succeed(intent).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        app.Stripe.FailNext("/v1/refunds", times: 3);

        var cancelled = await (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldHaveStatus(200)).Json();
        app.Stripe.FailNext("/v1/refunds", times: 0);

        cancelled.Str("status").Should().Be("cancelled");
        cancelled["payment"]!.Str("status").Should().Be("refund_pending");
        app.Stripe.Refunds.Values.Should().NotContain(r => r["payment_intent"]!.GetValue<string>() == intent);
        await Poll.UntilAsync(() => app.Market.AvailableAsync(oil.Id), n => n == 5, what: "the stock back although the refund waits");

        await Poll.UntilAsync(RunRefundsJobAsync, issued => issued >= 1, what: "the refunds job to issue it once its retry is due");
        (await RunRefundsJobAsync()).Should().Be(0, "issued once");

        app.Stripe.Refunds.Values.Where(r => r["payment_intent"]!.GetValue<string>() == intent).Should().ContainSingle()
            .Which["amount"]!.GetValue<long>().Should().Be(12900);
        (await shopper.Client.OrderAsync(order.Id()))["payment"]!.Str("status").Should().Be("refunded");
        (await app.Events.WaitForAsync<RefundIssuedIntegrationEvent>(e => e.OrderId == order.Id())).Single().Amount.Should().Be(129m);
    }

    private async Task<int> RunRefundsJobAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IssueDueRefundsJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Given_an_unpaid_card_order_When_the_shopper_cancels_Then_its_payment_intent_is_cancelled_and_nothing_refunded()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 50m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 1)));

        var cancelled = await (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldHaveStatus(200)).Json();

        cancelled.Str("status").Should().Be("cancelled");
        cancelled["payment"]!["clientSecret"].Should().BeNull();
        app.Stripe.PaymentIntents[IntentOf(order)]["status"]!.GetValue<string>().Should().Be("canceled");
        app.Stripe.Refunds.Values.Should().NotContain(r => r["payment_intent"]!.GetValue<string>() == IntentOf(order));
    }

    [Fact]
    public async Task Given_a_shipped_sub_order_When_the_shopper_cancels_Then_409_and_nothing_changes()
    {
        var argan = await app.Market.NewCooperativeAsync();
        var saffron = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(argan, 10m, stock: 5);
        var pot = await app.Market.NewProductAsync(saffron, 10m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1), (pot, 1)));
        var sub = order.SubOrderOf(saffron).Id();
        await saffron.MoveAsync(sub, "accept");
        await saffron.MoveAsync(sub, "ship", Shop.Shipment());

        (await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldBeProblem(409))["code"]!.GetValue<string>()
            .Should().Be("already_shipped");
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("partially_shipped");
    }

    [Fact]
    public async Task Given_someone_elses_order_When_cancelling_Then_403_and_unknown_404()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 10m, stock: 5);
        var order = await (await app.NewShopperAsync()).Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1)));
        var stranger = await app.NewShopperAsync();
        await (await stranger.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldBeProblem(403);
        await (await stranger.Client.PostJson($"/api/orders/{Guid.NewGuid()}/cancel")).ShouldBeProblem(404);
        await (await app.Anonymous().PostJson($"/api/orders/{order.Id()}/cancel")).ShouldHaveStatus(401);
    }
}
