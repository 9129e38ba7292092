using Marketplace.Orders.Domain;
using static Marketplace.Orders.Tests.Unit.OrderFixtures;

namespace Marketplace.Orders.Tests.Unit;

public sealed class PaymentDecisionTests
{
    [Fact]
    public void Given_a_cash_order_Then_it_is_placed_at_once_and_open_to_the_cooperatives()
    {
        var order = Given(Placed(PaymentMethod.CashOnDelivery));
        order.Status.Should().Be(OrderStatus.Placed);
        order.OpenToCooperatives.Should().BeTrue();
        order.SubOrders.Should().OnlyContain(s => s.Status == SubOrderStatus.Placed);
    }

    [Fact]
    public void Given_a_card_order_When_its_payment_is_requested_twice_Then_one_request_is_recorded()
    {
        var order = Given(Placed(PaymentMethod.Card));
        order.Status.Should().Be(OrderStatus.PendingPayment);
        order.OpenToCooperatives.Should().BeFalse();

        var first = order.RequestPayment("stripe", "pi_1", "secret", T0);
        first.Should().ContainSingle().Which.Should().BeOfType<PaymentRequested>().Which.Amount.Should().Be(order.Total);
        order.Then(first).RequestPayment("stripe", "pi_2", "secret", T0).Should().BeEmpty();
    }

    [Fact]
    public void Given_a_card_order_awaiting_payment_When_the_gateway_confirms_the_right_amount_Then_it_is_paid_once()
    {
        var order = CardOrder(paid: false);

        var decision = order.ConfirmPayment("stripe", "pi_1", order.Total, T0.AddMinutes(2));

        decision.Stray.Should().BeNull();
        decision.Events.Should().ContainSingle().Which.Should().BeOfType<OrderPaid>().Which.Reference.Should().Be("pi_1");
        order.Then(decision.Events);
        order.Status.Should().Be(OrderStatus.Paid);
        order.OpenToCooperatives.Should().BeTrue();
        order.ConfirmPayment("stripe", "pi_1", order.Total, T0.AddMinutes(3)).Should().Be(new PaymentDecision([], null), "a payment is recorded once");
    }

    [Fact]
    public void Given_a_card_order_When_the_gateway_confirms_another_amount_or_currency_Then_it_is_not_paid_and_the_money_is_stray()
    {
        var order = CardOrder(paid: false);

        var decision = order.ConfirmPayment("stripe", "pi_1", Mad(1.00m), T0);

        decision.Stray.Should().Be("amount_mismatch");
        decision.Events.Should().ContainSingle().Which.Should().BeOfType<PaymentFailed>().Which.Reason.Should().StartWith("amount_mismatch");
        order.Then(decision.Events).Status.Should().Be(OrderStatus.PendingPayment);
        order.ConfirmPayment("stripe", "pi_1", new Marketplace.BuildingBlocks.Money(order.Total.Amount, "EUR"), T0).Stray.Should().Be("amount_mismatch");
    }

    [Fact]
    public void Given_a_paid_order_When_a_second_payment_succeeds_Then_it_is_stray_and_the_order_keeps_the_first()
    {
        var order = CardOrder(paid: true);
        var decision = order.ConfirmPayment("stripe", "pi_other", order.Total, T0);
        decision.Should().Be(new PaymentDecision([], "second_payment"));
        order.Payment.Reference.Should().Be("pi_1");
    }

    [Fact]
    public void Given_a_cancelled_unpaid_order_When_its_payment_succeeds_late_Then_the_money_is_stray_and_the_order_stays_cancelled()
    {
        var order = CardOrder(paid: false);
        order.Then(order.Expire(T0.AddHours(1)));
        order.ConfirmPayment("stripe", "pi_1", order.Total, T0.AddHours(1)).Should().Be(new PaymentDecision([], "order_cancelled"));
    }

    [Fact]
    public void Given_an_unpaid_order_When_an_earlier_attempt_of_it_succeeds_with_the_right_amount_Then_it_is_paid_by_that_one()
    {
        var order = CardOrder(paid: false);
        var decision = order.ConfirmPayment("stripe", "pi_0", order.Total, T0);
        decision.Events.Should().ContainSingle().Which.Should().BeOfType<OrderPaid>();
        order.Then(decision.Events).Payment.Reference.Should().Be("pi_0", "refunds go to the payment that was taken");
    }

    [Fact]
    public void Given_a_crash_before_the_payment_reference_was_recorded_When_the_gateway_confirms_it_Then_the_order_is_paid_with_that_reference()
    {
        var order = Given(Placed(PaymentMethod.Card));

        var paid = order.ConfirmPayment("stripe", "pi_9", order.Total, T0).Events.Should().ContainSingle().Which.Should().BeOfType<OrderPaid>().Subject;

        order.Then(paid).Payment.Reference.Should().Be("pi_9");
        order.Payment.Gateway.Should().Be("stripe");
        order.Status.Should().Be(OrderStatus.Paid);
        order.RequestPayment("stripe", "pi_10", "secret", T0).Should().BeEmpty("a paid order asks for no payment");
    }

    [Fact]
    public void Given_a_card_order_When_a_payment_fails_Then_it_is_recorded_and_the_order_stays_payable()
    {
        var order = CardOrder(paid: false);

        order.Then(order.RecordPaymentFailure("pi_1", "Your card was declined.", T0));

        order.Status.Should().Be(OrderStatus.PendingPayment);
        order.Payment.Status.Should().Be(PaymentStatus.Failed);
        order.Payment.LastFailure.Should().Be("Your card was declined.");
        order.ConfirmPayment("stripe", "pi_1", order.Total, T0).Events.Should().ContainSingle().Which.Should().BeOfType<OrderPaid>();
    }

    [Fact]
    public void Given_a_paid_order_When_a_late_failure_arrives_Then_nothing_changes() =>
        CardOrder(paid: true).RecordPaymentFailure("pi_1", "declined", T0).Should().BeEmpty();

    [Fact]
    public void Given_an_unpaid_card_order_When_its_time_is_up_Then_it_is_cancelled_without_refund()
    {
        var order = CardOrder(paid: false);
        order.Expire(T0.AddMinutes(29)).Should().BeEmpty();

        var events = order.Expire(T0.AddMinutes(30));

        var cancelled = events.Should().ContainSingle().Which.Should().BeOfType<OrderCancelled>().Subject;
        cancelled.Reason.Should().Be("payment_expired");
        cancelled.RefundDue.Should().BeFalse();
        cancelled.SubOrders.Should().HaveCount(2, "all its stock goes back");
        order.Then(events).Status.Should().Be(OrderStatus.Cancelled);
        order.Payment.Status.Should().Be(PaymentStatus.Cancelled);
    }

    [Fact]
    public void Given_a_paid_or_cash_order_When_the_expiry_runs_Then_nothing_happens()
    {
        CardOrder(paid: true).Expire(T0.AddDays(1)).Should().BeEmpty();
        Given(Placed(PaymentMethod.CashOnDelivery)).Expire(T0.AddDays(1)).Should().BeEmpty();
    }
}
