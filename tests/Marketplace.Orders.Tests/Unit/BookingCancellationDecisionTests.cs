using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marketplace.Tourism.Contracts;
using static Marketplace.Orders.Tests.Unit.OrderFixtures;

namespace Marketplace.Orders.Tests.Unit;

/// <summary>Issue 20: a booking cancelled by the shopper is refunded by its policy and the time left; by the cooperative, in full.</summary>
public sealed class BookingCancellationDecisionTests
{
    private static readonly Guid Host = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    private static readonly Guid Visit = Guid.Parse("0193a000-0000-7000-8000-0000000002c1");
    private static readonly DateTimeOffset Start = T0.AddDays(10);

    private static CheckoutSlot Slot(Guid id, Guid coop, string policy) => new(id, Guid.NewGuid(), coop,
        new Dictionary<string, string> { ["fr"] = "Atelier" }, Start, 250m, "MAD", "Tamanar", policy);

    /// <summary>Argan oil (cooperative Argan) and a visit (of <paramref name="visitOf"/>), 2 participants at 250 MAD, paid by card or cash.</summary>
    private static Order Booked(string policy, PaymentMethod method = PaymentMethod.Card, Guid? visitOf = null, bool withProduct = true)
    {
        var placed = Checkout.Place(Guid.Parse("0193a000-0000-7000-8000-00000000fff1"), "SM-2026-000002", Shopper, method,
            withProduct ? [new CartLine(ArganOil.ProductId, 1)] : [], [ArganOil], [], Address, "hash", T0, TimeSpan.FromMinutes(30),
            [new CartBooking(Visit, 2)], [Slot(Visit, visitOf ?? Host, policy)]);
        var order = Given(placed);
        if (method == PaymentMethod.CashOnDelivery) return order;
        return order.Then([new PaymentRequested(placed.OrderId, "stripe", "pi_1", "s", placed.Total, T0),
            new OrderPaid(placed.OrderId, placed.Number, "stripe", "pi_1", placed.Total, T0)]);
    }

    [Theory]
    [InlineData("24h", 24)]
    [InlineData("72h", 72)]
    [InlineData("7d", 168)]
    public void Given_a_paid_visit_When_the_shopper_cancels_just_before_the_policy_s_limit_Then_it_is_refunded_in_full(string policy, int hours)
    {
        var order = Booked(policy);
        var events = order.CancelBooking(Visit, "shopper", Shopper, null, Start.AddHours(-hours).AddTicks(-1));

        var sub = order.SubOrders.Single(s => s.CooperativeId == Host);
        var cancelled = events.OfType<OrderCancelled>().Should().ContainSingle("the visit was all its cooperative's sub-order").Subject;
        cancelled.SubOrders.Should().ContainSingle().Which.SubOrderId.Should().Be(sub.Id);
        events.OfType<RefundRequested>().Should().ContainSingle().Which.Amount.Should().Be(Mad(500m));
    }

    [Theory]
    [InlineData("24h", 24)]
    [InlineData("72h", 72)]
    [InlineData("7d", 168)]
    public void Given_a_paid_visit_When_the_shopper_cancels_at_the_policy_s_limit_Then_nothing_is_refunded_and_the_cooperative_is_paid(string policy,
        int hours)
    {
        var order = Booked(policy);
        var events = order.CancelBooking(Visit, "shopper", Shopper, null, Start.AddHours(-hours));

        var given = events.OfType<BookingCancelled>().Should().ContainSingle().Subject;
        (given.Kept, given.Refund, given.Participants).Should().Be((true, Mad(0m), 2));
        events.OfType<RefundRequested>().Should().BeEmpty();
        events.OfType<SubOrderDelivered>().Should().ContainSingle("the sub-order holds nothing else: it is complete, its price the cooperative's");
        order.Then(events).SubOrders.Single(s => s.CooperativeId == Host).Total.Should().Be(Mad(500m));
        order.CancelBooking(Visit, "shopper", Shopper, null, Start).Should().BeEmpty("cancelled once");
    }

    [Fact]
    public void Given_a_visit_and_products_of_one_cooperative_When_the_shopper_cancels_the_visit_in_time_Then_its_price_alone_is_refunded()
    {
        var order = Booked("72h", visitOf: Argan);
        var sub = order.SubOrders.Single();
        var events = order.CancelBooking(Visit, "shopper", Shopper, null, T0.AddDays(1));

        events.OfType<OrderCancelled>().Should().BeEmpty("the products still go");
        events.OfType<BookingCancelled>().Should().ContainSingle().Which.Refund.Should().Be(Mad(500m));
        var refund = events.OfType<RefundRequested>().Should().ContainSingle().Subject;
        (refund.Amount, refund.SubOrderIds.Single()).Should().Be((Mad(500m), sub.Id));
        order.Then(events);
        (sub.Status, sub.Subtotal, sub.Total).Should().Be((SubOrderStatus.Placed, Mad(120m), Mad(120m)));
    }

    [Fact]
    public void Given_a_visit_given_up_late_and_products_When_the_shopper_cancels_the_whole_order_Then_it_is_refused()
    {
        var order = Booked("24h", visitOf: Argan);
        order.Invoking(o => o.CancelByShopper(Shopper, Start.AddHours(-2)))
            .Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("booking_not_refundable");
        order.CancelByShopper(Shopper, Start.AddHours(-25)).OfType<RefundRequested>().Single().Amount.Should().Be(Mad(620m), "in time: all of it");
    }

    [Fact]
    public void Given_a_late_visit_of_one_cooperative_and_products_of_another_When_the_shopper_cancels_the_order_Then_the_products_are_refunded_and_the_visit_kept()
    {
        var order = Booked("24h");
        var events = order.CancelByShopper(Shopper, Start.AddHours(-1));

        events.OfType<OrderCancelled>().Single().SubOrders.Single().CooperativeId.Should().Be(Argan);
        events.OfType<RefundRequested>().Single().Amount.Should().Be(Mad(120m));
        events.OfType<BookingCancelled>().Single().Kept.Should().BeTrue();
        order.Then(events).Status.Should().Be(OrderStatus.Delivered, "the visit given up is complete, the rest cancelled");
    }

    [Fact]
    public void Given_a_paid_visit_When_its_cooperative_cancels_it_even_at_the_last_minute_Then_it_is_refunded_in_full_and_recorded_against_it()
    {
        var order = Booked("7d", visitOf: Argan);
        var events = order.CancelBooking(Visit, "cooperative", Staff, "Tempête sur la route", Start.AddMinutes(-30));

        var cancelled = events.OfType<BookingCancelled>().Single();
        (cancelled.By, cancelled.Reason, cancelled.Kept, cancelled.Refund).Should().Be(("cooperative", "Tempête sur la route", false, Mad(500m)));
        events.OfType<RefundRequested>().Single().Amount.Should().Be(Mad(500m));
    }

    [Fact]
    public void Given_a_cash_visit_When_the_shopper_cancels_late_Then_nothing_is_owed_and_the_visit_leaves_the_sub_order()
    {
        var order = Booked("24h", PaymentMethod.CashOnDelivery, visitOf: Argan);
        var events = order.CancelBooking(Visit, "shopper", Shopper, null, Start.AddHours(-1));

        var cancelled = events.Should().ContainSingle().Which.Should().BeOfType<BookingCancelled>().Subject;
        (cancelled.Kept, cancelled.Refund).Should().Be((false, Mad(0m)));
        order.Then(events).SubOrders.Single().Total.Should().Be(Mad(120m), "cash is collected for the products only");
    }

    [Fact]
    public void Given_an_unpaid_card_order_or_a_visit_done_When_a_booking_is_cancelled_Then_it_is_refused()
    {
        var unpaid = Given(Checkout.Place(Guid.NewGuid(), "SM-2026-000003", Shopper, PaymentMethod.Card, [], [ArganOil], [], Address, "h", T0,
            TimeSpan.FromMinutes(30), [new CartBooking(Visit, 1)], [Slot(Visit, Host, "24h")]));
        unpaid.Invoking(o => o.CancelBooking(Visit, "shopper", Shopper, null, T0)).Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("awaiting_payment");

        var done = Booked("24h", withProduct: false);
        var sub = done.SubOrders.Single().Id;
        done.Then(done.Accept(sub, Staff, T0)).Then(done.Deliver(sub, null, Staff, Start.AddHours(3)));
        done.Invoking(o => o.CancelBooking(Visit, "cooperative", Staff, "x", Start.AddHours(4))).Should().Throw<DomainRuleViolated>()
            .Which.Code.Should().Be("visit_done");
        done.Invoking(o => o.CancelBooking(Guid.NewGuid(), "shopper", Shopper, null, T0)).Should().Throw<NotFound>();
    }
}
