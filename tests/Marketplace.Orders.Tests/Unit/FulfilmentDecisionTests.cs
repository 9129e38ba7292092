using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using static Marketplace.Orders.Tests.Unit.OrderFixtures;

namespace Marketplace.Orders.Tests.Unit;

public sealed class FulfilmentDecisionTests
{
    private static readonly Order Cash = Given(Placed(PaymentMethod.CashOnDelivery));
    private static Guid First(Order o) => o.SubOrders[0].Id;
    private static Guid Second(Order o) => o.SubOrders[1].Id;

    private static Order Through(Order order, Guid sub, int steps)
    {
        if (steps >= 1) order.Then(order.Accept(sub, Staff, T0));
        if (steps >= 2) order.Then(order.Ship(sub, "Amana", "AM123", Staff, T0));
        if (steps >= 3) order.Then(order.Deliver(sub, null, Staff, T0));
        return order;
    }

    [Fact]
    public void Given_a_cash_order_When_each_cooperative_accepts_ships_and_delivers_Then_the_order_status_follows()
    {
        var order = Given(Placed(PaymentMethod.CashOnDelivery));
        Through(order, First(order), 1).Status.Should().Be(OrderStatus.Placed);
        Through(order, Second(order), 1);
        order.Then(order.Ship(First(order), "Amana", "AM123", Staff, T0)).Status.Should().Be(OrderStatus.PartiallyShipped);
        order.SubOrder(First(order))!.TrackingNumber.Should().Be("AM123");
        order.Then(order.Ship(Second(order), "CTM", "CTM9", Staff, T0)).Status.Should().Be(OrderStatus.Shipped);
        order.Then(order.Deliver(First(order), null, Staff, T0)).Status.Should().Be(OrderStatus.Shipped);
        order.Then(order.Deliver(Second(order), null, Staff, T0)).Status.Should().Be(OrderStatus.Delivered);
        order.Payment.Status.Should().Be(PaymentStatus.Collected);
    }

    [Fact]
    public void Given_a_shipped_cash_sub_order_When_delivered_without_an_amount_Then_its_total_is_recorded_as_collected()
    {
        var order = Through(Given(Placed(PaymentMethod.CashOnDelivery, [new(Saffron, 20m, null)])), Second(Cash), 2);

        var delivered = order.Deliver(Second(order), null, Staff, T0).Should().ContainSingle().Which.Should().BeOfType<SubOrderDelivered>().Subject;

        delivered.CashCollected.Should().Be(Mad(45.25m + 20m), "the items and the delivery fee");
    }

    [Fact]
    public void Given_a_shipped_cash_sub_order_When_delivered_with_an_amount_Then_that_amount_is_recorded()
    {
        var order = Through(Given(Placed(PaymentMethod.CashOnDelivery)), First(Cash), 2);
        order.Deliver(First(order), Mad(200m), Staff, T0).OfType<SubOrderDelivered>().Single().CashCollected.Should().Be(Mad(200m));
    }

    [Fact]
    public void Given_a_card_sub_order_When_delivered_Then_no_cash_is_recorded_and_cash_is_refused()
    {
        var order = CardOrder(paid: true);
        Through(order, First(order), 2);
        order.Deliver(First(order), null, Staff, T0).OfType<SubOrderDelivered>().Single().CashCollected.Should().BeNull();
        order.Invoking(o => o.Deliver(First(o), Mad(10m), Staff, T0)).Should().Throw<ValidationFailed>();
    }

    [Theory]
    [InlineData(0, "ship")]
    [InlineData(0, "deliver")]
    [InlineData(1, "accept")]
    [InlineData(1, "deliver")]
    [InlineData(2, "accept")]
    [InlineData(2, "ship")]
    [InlineData(3, "accept")]
    [InlineData(3, "ship")]
    [InlineData(3, "deliver")]
    public void Illegal_moves_are_refused(int stepsDone, string move)
    {
        var order = Through(Given(Placed(PaymentMethod.CashOnDelivery)), First(Cash), stepsDone);
        var sub = First(order);
        Action act = move switch
        {
            "accept" => () => order.Accept(sub, Staff, T0),
            "ship" => () => order.Ship(sub, "Amana", "X", Staff, T0),
            _ => () => order.Deliver(sub, null, Staff, T0),
        };
        act.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("illegal_transition");
    }

    [Fact]
    public void Given_an_unpaid_card_order_When_a_cooperative_accepts_Then_it_is_refused()
    {
        var order = CardOrder(paid: false);
        order.Invoking(o => o.Accept(First(o), Staff, T0)).Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("awaiting_payment");
    }

    [Fact]
    public void Given_an_unknown_sub_order_Then_it_is_not_found() =>
        Cash.Invoking(o => o.Accept(Guid.NewGuid(), Staff, T0)).Should().Throw<NotFound>();
}
