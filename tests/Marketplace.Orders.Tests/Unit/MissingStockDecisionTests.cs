using Marketplace.Orders.Domain;
using static Marketplace.Orders.Tests.Unit.OrderFixtures;

namespace Marketplace.Orders.Tests.Unit;

/// <summary>Issue 14, part 2: a placed order whose stock was missing loses the sub-order that holds it, never silently.</summary>
public sealed class MissingStockDecisionTests
{
    [Fact]
    public void Given_a_paid_card_order_of_two_cooperatives_When_one_product_is_missing_Then_its_sub_order_alone_is_cancelled_and_refunded()
    {
        var order = CardOrder(paid: true);
        var saffron = order.SubOrders.Single(s => s.CooperativeId == Saffron);

        var events = order.CancelForMissingStock(SaffronPot.ProductId, T0);

        var cancelled = events.OfType<OrderCancelled>().Should().ContainSingle().Subject;
        (cancelled.Reason, cancelled.RefundDue).Should().Be(("out_of_stock", true));
        cancelled.SubOrders.Select(s => s.SubOrderId).Should().Equal(saffron.Id);
        var refund = events.OfType<RefundRequested>().Should().ContainSingle().Subject;
        (refund.Amount, refund.PaymentReference).Should().Be((saffron.Total, "pi_1"));
        refund.SubOrderIds.Should().Equal(saffron.Id);

        order.Then(events);
        order.Status.Should().Be(OrderStatus.Paid, "the other cooperative's part goes on");
        saffron.CancelReason.Should().Be("out_of_stock");
        order.Payment.Status.Should().Be(PaymentStatus.Paid);
        order.CancelForMissingStock(SaffronPot.ProductId, T0).Should().BeEmpty("told twice, cancelled once");
    }

    [Fact]
    public void Given_a_cash_order_When_a_product_is_missing_Then_its_sub_order_is_cancelled_without_refund()
    {
        var order = Given(Placed(PaymentMethod.CashOnDelivery));
        var events = order.CancelForMissingStock(ArganOil.ProductId, T0);
        events.Should().ContainSingle().Which.Should().BeOfType<OrderCancelled>().Which.RefundDue.Should().BeFalse();
        order.Then(events).SubOrders.Count(s => s.Status == SubOrderStatus.Cancelled).Should().Be(1);
    }

    [Fact]
    public void Given_an_unpaid_card_order_When_a_product_is_missing_Then_the_whole_order_is_cancelled()
    {
        var order = CardOrder(paid: false);
        var events = order.CancelForMissingStock(ArganOil.ProductId, T0);
        events.Should().ContainSingle().Which.Should().BeOfType<OrderCancelled>().Which.SubOrders.Should().HaveCount(2);
        order.Then(events).Status.Should().Be(OrderStatus.Cancelled);
    }

    [Fact]
    public void Given_a_sub_order_already_shipped_When_its_product_is_said_missing_Then_nothing_changes()
    {
        var order = Given(Placed(PaymentMethod.CashOnDelivery));
        var argan = order.SubOrders.Single(s => s.CooperativeId == Argan).Id;
        order.Then(order.Accept(argan, Staff, T0)).Then(order.Ship(argan, "Amana", "A1", Staff, T0));
        order.CancelForMissingStock(ArganOil.ProductId, T0).Should().BeEmpty("the goods went out");
    }
}
