using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>What becomes of a reservation: a sale when the order is placed, stock back when it is cancelled or never comes.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class StockLifecycleTests(CatalogueApp app)
{
    private async Task<(Product Product, Guid OrderId)> ReservedAsync(int onHand, int quantity)
    {
        var product = await app.PublishedAsync(onHand);
        var orderId = Guid.CreateVersion7();
        (await app.SendAsync(new ReserveStock(orderId, [new StockLine(product.Id, quantity)]))).Succeeded.Should().BeTrue();
        return (product, orderId);
    }

    [Fact]
    public async Task Given_a_reservation_When_the_order_is_placed_even_twice_Then_the_units_are_sold_once()
    {
        var (product, orderId) = await ReservedAsync(onHand: 10, quantity: 4);
        var placed = OrderEvents.Placed(orderId, OrderEvents.SubOrder(product.CooperativeId, (product.Id, 4)));

        await app.PublishAsync(placed);
        await app.PublishAsync(placed);                                      // redelivery
        await app.PublishAsync(placed with { EventId = Guid.CreateVersion7() }); // the same fact, another event id

        var after = await app.ProductAsync(product.Id);
        (after.OnHand, after.Reserved, after.Available).Should().Be((6, 0, 6));
        (await app.ReservationAsync(orderId))!.Status.Should().Be(ReservationStatus.Placed);
    }

    [Fact]
    public async Task Given_a_placed_order_When_its_sub_orders_are_cancelled_even_twice_Then_the_stock_returns_once()
    {
        var (product, orderId) = await ReservedAsync(onHand: 10, quantity: 4);
        var subOrder = OrderEvents.SubOrder(product.CooperativeId, (product.Id, 4));
        await app.PublishAsync(OrderEvents.Placed(orderId, subOrder));

        await app.PublishAsync(OrderEvents.Cancelled(orderId, subOrder));
        await app.PublishAsync(OrderEvents.Cancelled(orderId, subOrder));

        var after = await app.ProductAsync(product.Id);
        (after.OnHand, after.Reserved, after.Available).Should().Be((10, 0, 10));
        (await app.ReservationAsync(orderId))!.Status.Should().Be(ReservationStatus.Cancelled);
    }

    [Fact]
    public async Task Given_an_order_of_two_cooperatives_When_one_sub_order_is_cancelled_Then_only_its_lines_return()
    {
        var honey = await app.PublishedAsync(onHand: 10);
        var saffron = await app.PublishedAsync(onHand: 10);
        var orderId = Guid.CreateVersion7();
        await app.SendAsync(new ReserveStock(orderId, [new StockLine(honey.Id, 2), new StockLine(saffron.Id, 3)]));
        var honeyPart = OrderEvents.SubOrder(honey.CooperativeId, (honey.Id, 2));
        var saffronPart = OrderEvents.SubOrder(saffron.CooperativeId, (saffron.Id, 3));
        await app.PublishAsync(OrderEvents.Placed(orderId, honeyPart, saffronPart));

        await app.PublishAsync(OrderEvents.Cancelled(orderId, saffronPart));

        (await app.ProductAsync(honey.Id)).OnHand.Should().Be(8);
        (await app.ProductAsync(saffron.Id)).OnHand.Should().Be(10);
        (await app.ReservationAsync(orderId))!.Status.Should().Be(ReservationStatus.Placed);
    }

    [Fact]
    public async Task Given_a_reservation_When_the_order_is_cancelled_before_it_was_placed_Then_the_reservation_is_released()
    {
        var (product, orderId) = await ReservedAsync(onHand: 5, quantity: 5);

        await app.PublishAsync(OrderEvents.Cancelled(orderId, OrderEvents.SubOrder(product.CooperativeId, (product.Id, 5))));

        var after = await app.ProductAsync(product.Id);
        (after.OnHand, after.Reserved, after.Available).Should().Be((5, 0, 5));
    }

    [Fact]
    public async Task Given_reservations_When_no_order_appears_in_time_Then_the_expiry_job_releases_them_and_keeps_placed_ones()
    {
        var (forgotten, forgottenOrder) = await ReservedAsync(onHand: 6, quantity: 2);
        var (ordered, orderedOrder) = await ReservedAsync(onHand: 6, quantity: 2);
        await app.PublishAsync(OrderEvents.Placed(orderedOrder, OrderEvents.SubOrder(ordered.CooperativeId, (ordered.Id, 2))));
        await app.RunExpiryJobAsync();
        (await app.ProductAsync(forgotten.Id)).Reserved.Should().Be(2, "it has not expired yet");

        await Task.Delay(CatalogueApp.ReservationTimeout + TimeSpan.FromMilliseconds(500));
        var released = await app.RunExpiryJobAsync();

        released.Should().BeGreaterThanOrEqualTo(1);
        (await app.ProductAsync(forgotten.Id)).Available.Should().Be(6);
        (await app.ReservationAsync(forgottenOrder))!.Status.Should().Be(ReservationStatus.Expired);
        var sold = await app.ProductAsync(ordered.Id);
        (sold.OnHand, sold.Reserved).Should().Be((4, 0));
        (await app.RunExpiryJobAsync()).Should().Be(0, "nothing is released twice");
    }

    [Fact]
    public async Task Given_an_expired_reservation_When_the_order_comes_late_Then_it_is_sold_from_what_is_available_never_below_zero()
    {
        var product = await app.PublishedAsync(onHand: 3);
        var late = Guid.CreateVersion7();
        await app.SendAsync(new ReserveStock(late, [new StockLine(product.Id, 2)]));
        await Task.Delay(CatalogueApp.ReservationTimeout + TimeSpan.FromMilliseconds(500));
        await app.RunExpiryJobAsync();
        await app.SendAsync(new ReserveStock(Guid.CreateVersion7(), [new StockLine(product.Id, 2)])); // someone else took 2 of 3

        await app.PublishAsync(OrderEvents.Placed(late, OrderEvents.SubOrder(product.CooperativeId, (product.Id, 2))));

        var after = await app.ProductAsync(product.Id);
        (after.OnHand, after.Reserved).Should().Be((3, 2), "1 unit is free: the late order's 2 cannot be taken");
        after.Available.Should().Be(1);
    }
}
