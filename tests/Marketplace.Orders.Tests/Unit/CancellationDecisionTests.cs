using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using static Marketplace.Orders.Tests.Unit.OrderFixtures;

namespace Marketplace.Orders.Tests.Unit;

public sealed class CancellationDecisionTests
{
    [Fact]
    public void Given_a_cash_order_with_an_accepted_sub_order_When_the_shopper_cancels_Then_every_sub_order_is_cancelled_without_refund()
    {
        var order = Given(Placed(PaymentMethod.CashOnDelivery));
        order.Then(order.Accept(order.SubOrders[0].Id, Staff, T0));

        var cancelled = order.CancelByShopper(Shopper, T0).Should().ContainSingle().Which.Should().BeOfType<OrderCancelled>().Subject;

        cancelled.Reason.Should().Be("shopper");
        cancelled.RefundDue.Should().BeFalse();
        cancelled.SubOrders.Select(s => s.SubOrderId).Should().BeEquivalentTo(order.SubOrders.Select(s => s.Id));
        order.Then(cancelled).Status.Should().Be(OrderStatus.Cancelled);
        order.SubOrders.Should().OnlyContain(s => s.Status == SubOrderStatus.Cancelled);
    }

    [Fact]
    public void Given_a_paid_card_order_When_the_shopper_cancels_Then_a_refund_is_due_and_recorded_once()
    {
        var order = CardOrder(paid: true);

        var events = order.CancelByShopper(Shopper, T0);
        order.Then(events);

        var requested = events.OfType<RefundRequested>().Should().ContainSingle().Subject;
        (requested.Key, requested.PaymentReference, requested.Amount).Should().Be(("cancellation", "pi_1", order.Total));
        order.Payment.RefundDue.Should().BeTrue();
        order.Payment.Status.Should().Be(PaymentStatus.RefundPending);
        order.ConfirmPayment("stripe", "pi_1", order.Total, T0).Should().Be(new PaymentDecision([], null), "a late copy of the payment's webhook changes nothing");
        var refund = order.RecordRefund("cancellation", "stripe", "re_1", T0).Should().ContainSingle().Which.Should().BeOfType<RefundIssued>().Subject;
        refund.Amount.Should().Be(order.Total);
        order.Then(refund).RecordRefund("cancellation", "stripe", "re_2", T0).Should().BeEmpty("a refund is issued once");
        order.Payment.Status.Should().Be(PaymentStatus.Refunded);
        order.Payment.RefundDue.Should().BeFalse();
    }

    [Fact]
    public void Given_a_partly_shipped_order_When_the_shopper_cancels_Then_it_is_refused()
    {
        var order = Given(Placed(PaymentMethod.CashOnDelivery));
        var sub = order.SubOrders[1].Id;
        order.Then(order.Accept(sub, Staff, T0)).Then(order.Ship(sub, "Amana", "A1", Staff, T0));
        order.Invoking(o => o.CancelByShopper(Shopper, T0)).Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("already_shipped");
    }

    [Fact]
    public void Given_a_cancelled_order_When_cancelled_again_Then_it_is_refused()
    {
        var order = Given(Placed(PaymentMethod.CashOnDelivery));
        order.Then(order.CancelByShopper(Shopper, T0));
        order.Invoking(o => o.CancelByShopper(Shopper, T0)).Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("already_cancelled");
    }

    [Fact]
    public void Given_an_unpaid_order_When_nothing_was_received_Then_no_refund_is_recorded()
    {
        var order = CardOrder(paid: false);
        order.Then(order.CancelByShopper(Shopper, T0));
        order.RecordRefund("cancellation", "stripe", "re_1", T0).Should().BeEmpty();
        order.Payment.Status.Should().Be(PaymentStatus.Cancelled);
    }

    [Fact]
    public void Given_a_refund_the_gateway_could_not_issue_Then_it_waits_for_its_retry_and_one_refused_for_good_is_blocked()
    {
        var order = CardOrder(paid: true);
        order.Then(order.CancelByShopper(Shopper, T0));

        order.Then(order.RecordRefundFailure("cancellation", "unreachable", T0.AddMinutes(1), T0));
        (order.Payment.RefundDue, order.Payment.NextRefundAt, order.Payment.RefundBlocked).Should().Be((true, T0.AddMinutes(1), false));

        order.Then(order.RecordRefundFailure("cancellation", "charge_already_refunded: already refunded", null, T0.AddMinutes(1)));
        (order.Payment.RefundDue, order.Payment.RefundBlocked).Should().Be((false, true), "refused for good: not retried, shown to administrators");
        order.Payment.Status.Should().Be(PaymentStatus.RefundPending);
        order.RecordRefundFailure("cancellation", "again", null, T0).Should().BeEmpty();
    }
}
