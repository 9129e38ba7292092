using Marketplace.Catalogue.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>Each step of checkout can be repeated: a retry with the same key completes what a crash or an outage left.</summary>
[Collection(OrdersCollection.Name)]
public sealed class CrashRecoveryTests(OrdersApp app)
{
    [Fact]
    public async Task Given_stock_reserved_by_an_attempt_that_crashed_When_the_shopper_retries_the_key_Then_the_order_is_placed_on_that_reservation()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 70m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var key = Guid.NewGuid().ToString();
        using (var scope = app.Services.CreateScope())
        {
            var orderId = Domain.Checkout.OrderId(shopper.Id, key); // what the crashed attempt reserved for
            var reserved = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReserveStock(orderId, [new StockLine(oil.Id, 2)]));
            reserved.Succeeded.Should().BeTrue();
        }
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(3);

        var order = await (await (await shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (oil, 2)), key)).ShouldHaveStatus(201)).Json();

        order.Id().Should().Be(Domain.Checkout.OrderId(shopper.Id, key));
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(3, "the reservation is the crashed attempt's, not a second one");
    }

    [Fact]
    public async Task Given_stock_reserved_for_another_body_with_the_key_When_a_body_with_the_same_lines_is_sent_Then_422_and_nothing_more_reserved()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 70m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var key = Guid.NewGuid().ToString();
        using (var scope = app.Services.CreateScope())
        {
            var orderId = Domain.Checkout.OrderId(shopper.Id, key); // an attempt with another address crashed after reserving
            var reserved = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new ReserveForCheckout(orderId, [new StockLine(oil.Id, 2)], "fingerprint-of-another-body"));
            reserved.Reservation.Succeeded.Should().BeTrue();
        }

        await (await shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (oil, 2)), key)).ShouldBeProblem(422);

        (await app.Market.AvailableAsync(oil.Id)).Should().Be(3, "the key's reservation is the other body's; nothing more is reserved");
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Given_stripe_failing_when_the_order_is_placed_When_the_shopper_retries_the_key_Then_the_same_order_gets_its_payment()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 70m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var key = Guid.NewGuid().ToString();
        var body = Shop.Cart("card", (oil, 1));
        app.Stripe.FailNext("/v1/payment_intents", times: 3);

        var failed = await shopper.Client.CheckoutAsync(body, key);
        (await failed.ShouldBeProblem(503))["detail"]!.GetValue<string>().Should().Contain("try again");
        failed.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero, "the shopper's app knows when to retry");

        var order = await (await (await shopper.Client.CheckoutAsync(body, key)).ShouldHaveStatus(200)).Json();
        order.Str("status").Should().Be("pending_payment");
        order["payment"]!.Str("clientSecret").Should().StartWith("pi_");
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(4);
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(1);
    }
}
