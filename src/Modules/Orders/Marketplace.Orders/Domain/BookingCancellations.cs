using Marketplace.BuildingBlocks;
using Marketplace.Tourism.Contracts;

namespace Marketplace.Orders.Domain;

/// <summary>
/// Cancelling a booking (a line <c>{slotId, participants}</c>): by the shopper, refunded in full until the experience's
/// policy says (24 h, 72 h or 7 days before the start), not at all after; by the cooperative, always in full and recorded
/// against it. A sub-order left with nothing else is cancelled whole, as any sub-order; a sub-order that keeps the price of a
/// booking given up late is completed instead (the cooperative is paid for it), never refunded in full by mistake.
/// </summary>
internal static class BookingCancellations
{
    public const string ByShopper = "shopper";
    public const string ByCooperative = "cooperative";
    /// <summary>The cooperative did not confirm a booking of a date on request: refunded in full, not held against it.</summary>
    public const string Declined = "declined";

    /// <summary>Until when the shopper gets the whole price back.</summary>
    public static DateTimeOffset FreeUntil(BookedSlot booking) => booking.StartsAt - CancellationPolicies.Notice(booking.Cancellation);

    public static IReadOnlyList<IDomainEvent> CancelBooking(this Order order, Guid slotId, string by, Guid? userId, string? reason, DateTimeOffset now)
    {
        var sub = order.SubOrders.FirstOrDefault(s => s.Lines.Any(l => l.Booking is not null && l.ProductId == slotId))
            ?? throw new NotFound("The booking");
        if (sub.Status == SubOrderStatus.Cancelled || sub.CancelledBooking(slotId) is not null) return []; // cancelled already
        if (order.Status == OrderStatus.PendingPayment)
            throw new DomainRuleViolated("awaiting_payment", $"Order {order.Number} is not paid yet: pay it, or cancel the whole order.");
        if (sub.Status is SubOrderStatus.Shipped or SubOrderStatus.Delivered)
            throw new DomainRuleViolated("visit_done", $"This visit of order {order.Number} is done: it can no longer be cancelled.");
        if (by == Declined && (sub.Status != SubOrderStatus.Placed || sub.Lines.First(l => l.ProductId == slotId).Booking is not { OnRequest: true }))
            throw new DomainRuleViolated("not_on_request", $"Only a booking on request not yet confirmed can be declined (order {order.Number}).");
        return Cancel(order, sub, [sub.Lines.First(l => l.ProductId == slotId && l.Booking is not null)], by, userId, reason, now);
    }

    /// <summary>
    /// The shopper cancels the whole order (before anything ships). Bookings paid by card whose free cancellation is over are
    /// given up, not refunded: their sub-order is completed with the rest of its bookings (a sub-order that also holds
    /// products is refused: cancel its bookings one by one). The other sub-orders are cancelled as usual. Null: no such
    /// booking in the order, the usual cancellation applies.
    /// </summary>
    public static IReadOnlyList<IDomainEvent>? CancelWithLateBookings(Order order, Guid by, DateTimeOffset now)
    {
        if (!Paid(order)) return null;
        var live = order.SubOrders.Where(s => s.Status != SubOrderStatus.Cancelled).ToList();
        var kept = live.Where(s => s.LiveLines().Any(l => l.Booking is { } b && now >= FreeUntil(b) && !AwaitsConfirmation(s, l)) || s.CancelledBookings.Any(c => c.Kept)).ToList();
        if (kept.Count == 0) return null;
        if (kept.FirstOrDefault(s => s.LiveLines().Any(l => l.Booking is null)) is { } mixed)
            throw new DomainRuleViolated("booking_not_refundable",
                $"A visit of order {order.Number} can no longer be refunded, and its cooperative also sends you products: cancel the visit alone; the products can then be cancelled with the rest.");
        var events = kept.SelectMany(s => Cancel(order, s, s.LiveLines(), ByShopper, by, null, now)).ToList();
        var others = live.Except(kept).ToList();
        if (others.Count > 0) events.AddRange(OrderDecisions.Cancel(order, others, "shopper", by, now));
        return events;
    }

    /// <summary>Cancels these bookings of <paramref name="sub"/> (all its live lines, or one booking of it).</summary>
    private static IReadOnlyList<IDomainEvent> Cancel(Order order, SubOrder sub, IReadOnlyList<OrderLine> bookings, string by, Guid? userId,
        string? reason, DateTimeOffset now)
    {
        var paid = Paid(order);
        var keptNow = bookings.Where(l => by == ByShopper && paid && now >= FreeUntil(l.Booking!) && !AwaitsConfirmation(sub, l)).ToList();
        var remaining = sub.LiveLines().Except(bookings).ToList();
        var keeps = keptNow.Count > 0 || sub.CancelledBookings.Any(c => c.Kept);
        if (remaining.Count == 0 && !keeps) return OrderDecisions.Cancel(order, [sub], by, userId, now, reason);

        var events = new List<IDomainEvent>();
        var refundable = order.Payment.Refundable;
        foreach (var line in bookings)
        {
            var kept = keptNow.Contains(line);
            var refund = paid && !kept ? (line.LineTotal < refundable ? line.LineTotal : refundable) : Money.Zero(line.LineTotal.Currency);
            refundable -= refund;
            events.Add(new BookingCancelled(order.Id, order.Number, sub.Id, sub.CooperativeId, line.ProductId, line.Quantity, line.LineTotal,
                refund, kept, by, reason, userId, now));
            if (refund.IsPositive)
                events.Add(new RefundRequested(order.Id, $"booking-{sub.Id.ToString("N")[..12]}-{line.ProductId.ToString("N")[..12]}",
                    order.Payment.Reference!, refund, by, [sub.Id], now));
        }
        if (remaining.Count == 0) // only kept money left: the sub-order is complete, and its cooperative paid for what it keeps
            events.Add(new SubOrderDelivered(order.Id, order.Number, sub.Id, sub.CooperativeId, order.Method, null, userId ?? Guid.Empty, now));
        return events;
    }

    /// <summary>A booking on request the cooperative has not confirmed yet: the shopper may withdraw it with a full refund.</summary>
    public static bool AwaitsConfirmation(SubOrder sub, OrderLine line) => line.Booking is { OnRequest: true } && sub.Status == SubOrderStatus.Placed;

    private static bool Paid(Order order) => order.Method == PaymentMethod.Card && order.Payment.PaidAt is not null && order.Payment.Reference is not null;
}
