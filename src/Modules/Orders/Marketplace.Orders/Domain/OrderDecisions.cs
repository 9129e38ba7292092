using Marketplace.BuildingBlocks;

namespace Marketplace.Orders.Domain;

/// <summary>
/// What may happen to an order: given its state and a command, the facts to record (none when it already
/// happened), or a refusal (<see cref="DomainRuleViolated"/>, 409). Pure: no I/O, the time comes in.
/// </summary>
/// <summary>What a confirmed payment does to the order, and whether the money is not this order's to keep (a reason).</summary>
internal sealed record PaymentDecision(IReadOnlyList<IDomainEvent> Events, string? Stray);

internal static class OrderDecisions
{
    public static IReadOnlyList<IDomainEvent> RequestPayment(this Order order, string gateway, string reference, string? clientSecret,
        DateTimeOffset now, string? checkoutUrl = null) =>
        order.Payment.Reference is not null || order.Status != OrderStatus.PendingPayment ? []
            : [new PaymentRequested(order.Id, gateway, reference, clientSecret, order.Total, now, checkoutUrl)];

    /// <summary>Whether the shopper may open a new attempt to pay (POST /api/orders/{id}/pay): refused (409) once paid, cancelled or past its time.</summary>
    public static void EnsurePayable(this Order order, DateTimeOffset now)
    {
        if (order.Method != PaymentMethod.Card) throw new DomainRuleViolated("not_a_card_order", $"Order {order.Number} is paid in cash on delivery.");
        if (order.Payment.PaidAt is not null) throw new DomainRuleViolated("already_paid", $"Order {order.Number} is paid already.");
        if (order.Status == OrderStatus.Cancelled) throw new DomainRuleViolated("order_cancelled", $"Order {order.Number} is cancelled.");
        if (order.PaymentDueBy is { } due && due <= now)
            throw new DomainRuleViolated("payment_expired", $"The time to pay order {order.Number} is over: it is being cancelled.");
    }

    /// <summary>A new attempt, after the one before was stopped at the gateway (once per attempt number, whoever asks).</summary>
    public static IReadOnlyList<IDomainEvent> RequestNewAttempt(this Order order, int attempt, string gateway, string reference,
        string? checkoutUrl, DateTimeOffset now)
    {
        order.EnsurePayable(now);
        return order.Payment.Attempt >= attempt ? []
            : [new PaymentRequested(order.Id, gateway, reference, null, order.Total, now, checkoutUrl, attempt)];
    }

    /// <summary>
    /// The gateway says a payment of this order went through: paid, if the order waits for it and the amount (and currency)
    /// is its total. An order without a payment reference yet (a crash right after the gateway created the payment) takes
    /// the one the gateway names: the webhook is signed and the payment carries this order's id. Money that cannot be
    /// this order's payment (another amount, a second payment, an order cancelled meanwhile) is <see cref="PaymentDecision.Stray"/>:
    /// it goes back to the card at once, and the order stays as it was (never paid by a payment it does not keep).
    /// </summary>
    public static PaymentDecision ConfirmPayment(this Order order, string gateway, string reference, Money amount, DateTimeOffset now)
    {
        if (order.Method != PaymentMethod.Card) return new([], "not_a_card_order");
        if (order.Payment.PaidAt is not null)
            return order.Payment.Reference == reference ? new([], null) : new([], "second_payment");
        if (order.Status == OrderStatus.Cancelled) return new([], "order_cancelled");
        if (amount != order.Total)
            return new([new PaymentFailed(order.Id, reference, $"amount_mismatch: received {amount}, expected {order.Total}", now)], "amount_mismatch");
        return new([new OrderPaid(order.Id, order.Number, order.Payment.Gateway ?? gateway, reference, amount, now)], null);
    }

    public static IReadOnlyList<IDomainEvent> RecordPaymentFailure(this Order order, string reference, string reason, DateTimeOffset now) =>
        order.Status == OrderStatus.PendingPayment && order.Payment.Reference == reference
            ? [new PaymentFailed(order.Id, reference, reason, now)]
            : [];

    public static IReadOnlyList<IDomainEvent> Accept(this Order order, Guid subOrderId, Guid by, DateTimeOffset now)
    {
        var sub = Fulfillable(order, subOrderId);
        Require(sub, SubOrderStatus.Placed, "accept");
        return [new SubOrderAccepted(order.Id, sub.Id, by, now)];
    }

    public static IReadOnlyList<IDomainEvent> Ship(this Order order, Guid subOrderId, string carrier, string trackingNumber, Guid by,
        DateTimeOffset now)
    {
        var sub = Fulfillable(order, subOrderId);
        Require(sub, SubOrderStatus.Accepted, "ship");
        if (sub.Lines.All(l => l.Booking is not null))
            throw new DomainRuleViolated("booking_not_shipped", "This sub-order only books a visit: nothing is shipped; mark it delivered once the visit is done.");
        return [new SubOrderShipped(order.Id, sub.Id, carrier, trackingNumber, by, now)];
    }

    /// <summary>
    /// Delivered; with cash on delivery the cash collected is recorded (by default the sub-order's total). A sub-order of
    /// bookings only is not shipped: the visit done, once accepted, is its delivery (cash is paid on the day).
    /// </summary>
    public static IReadOnlyList<IDomainEvent> Deliver(this Order order, Guid subOrderId, Money? cashCollected, Guid by, DateTimeOffset now)
    {
        var sub = Fulfillable(order, subOrderId);
        Require(sub, sub.Lines.Count > 0 && sub.Lines.All(l => l.Booking is not null) && sub.Status == SubOrderStatus.Accepted
            ? SubOrderStatus.Accepted : SubOrderStatus.Shipped, "deliver");
        if (order.Method == PaymentMethod.Card && cashCollected is not null)
            throw new ValidationFailed("cashCollected", "This sub-order was paid by card: no cash is collected on delivery.");
        var cash = order.Method == PaymentMethod.CashOnDelivery ? cashCollected ?? sub.Total : null;
        if (cash is not null && (cash.IsNegative || cash.Currency != sub.Total.Currency))
            throw new ValidationFailed("cashCollected", $"The cash collected is an amount in {sub.Total.Currency}, zero or more.");
        return [new SubOrderDelivered(order.Id, order.Number, sub.Id, sub.CooperativeId, order.Method, cash, by, now)];
    }

    /// <summary>The shopper cancels before anything ships; money received goes back.</summary>
    public static IReadOnlyList<IDomainEvent> CancelByShopper(this Order order, Guid by, DateTimeOffset now)
    {
        if (order.Status == OrderStatus.Cancelled)
            throw new DomainRuleViolated("already_cancelled", $"Order {order.Number} is already cancelled.");
        if (order.SubOrders.Any(s => s.Status is SubOrderStatus.Shipped or SubOrderStatus.Delivered))
            throw new DomainRuleViolated("already_shipped", $"Part of order {order.Number} has shipped: it can no longer be cancelled.");
        return BookingCancellations.CancelWithLateBookings(order, by, now) ?? Cancel(order, Live(order), "shopper", by, now);
    }

    /// <summary>
    /// The stock of a product of the order was missing when the order was placed (Catalogue could not sell it): the
    /// sub-order that holds it is cancelled, with a refund of its total when it was paid by card; an unpaid card order is
    /// cancelled whole (its payment was stopped first). A sub-order already shipped had its goods: nothing changes.
    /// </summary>
    public static IReadOnlyList<IDomainEvent> CancelForMissingStock(this Order order, Guid productId, DateTimeOffset now)
    {
        var sub = order.SubOrders.FirstOrDefault(s => s.Status != SubOrderStatus.Cancelled && s.Lines.Any(l => l.ProductId == productId));
        if (sub is null || sub.Status is SubOrderStatus.Shipped or SubOrderStatus.Delivered) return [];
        return order.Status == OrderStatus.PendingPayment
            ? Cancel(order, Live(order), "out_of_stock", null, now)
            : Cancel(order, [sub], "out_of_stock", null, now);
    }

    /// <summary>A card order still unpaid when its time is up is cancelled (its stock goes back on sale).</summary>
    public static IReadOnlyList<IDomainEvent> Expire(this Order order, DateTimeOffset now) =>
        order.Status == OrderStatus.PendingPayment && order.PaymentDueBy is { } due && due <= now
            ? Cancel(order, Live(order), "payment_expired", null, now)
            : [];

    /// <summary>The gateway issued the refund owed under <paramref name="key"/> (once: a refund no longer due records nothing).</summary>
    public static IReadOnlyList<IDomainEvent> RecordRefund(this Order order, string key, string gateway, string reference, DateTimeOffset now) =>
        order.Payment.Refunds.Find(r => r.Key == key) is { Status: RefundStatus.Due or RefundStatus.Blocked } refund
            ? [new RefundIssued(order.Id, order.Number, gateway, reference, refund.Amount, now, key, refund.SubOrderIds)]
            : [];

    /// <summary>The gateway did not issue it: retried at <paramref name="retryAt"/>, or blocked when the refusal is for good.</summary>
    public static IReadOnlyList<IDomainEvent> RecordRefundFailure(this Order order, string key, string error, DateTimeOffset? retryAt,
        DateTimeOffset now) =>
        order.Payment.Refunds.Find(r => r.Key == key) is { Status: RefundStatus.Due }
            ? [new RefundFailed(order.Id, key, error, retryAt is null, retryAt, now)]
            : [];

    /// <summary>
    /// A refund made outside the platform (in the gateway's dashboard) reaches the order once, by its reference. When the
    /// payment is then refunded in full, the sub-orders not shipped yet are cancelled ("refunded"): nothing is owed back anymore.
    /// </summary>
    public static IReadOnlyList<IDomainEvent> RecordOutsideRefunds(this Order order, string gateway,
        IReadOnlyList<(string Reference, Money Amount)> refunds, DateTimeOffset now)
    {
        if (order.Payment.PaidAt is null) return [];
        var known = order.Payment.Refunds.Select(r => r.RefundReference).ToHashSet();
        var events = refunds.Where(r => !known.Contains(r.Reference)).DistinctBy(r => r.Reference)
            .Select(r => (IDomainEvent)new RefundIssued(order.Id, order.Number, gateway, r.Reference, r.Amount, now, $"outside:{r.Reference}", []))
            .ToList();
        if (events.Count == 0) return [];
        var total = Money.Sum(order.Payment.Refunds.Where(r => r.Status == RefundStatus.Issued).Select(r => r.Amount)
            .Concat(events.Cast<RefundIssued>().Select(r => r.Amount)));
        var open = Live(order).Where(s => s.Status is SubOrderStatus.Placed or SubOrderStatus.Accepted).ToList();
        if (total >= order.Payment.AmountReceived! && open.Count > 0)
            events.Add(new OrderCancelled(order.Id, order.Number, "refunded",
                open.Select(s => new PlacedSubOrder(s.Id, s.CooperativeId, s.Lines, s.Subtotal, s.Shipping)).ToList(), false, null, now));
        return events;
    }

    /// <summary>A dispute of the payment is opened, once.</summary>
    public static IReadOnlyList<IDomainEvent> RecordDispute(this Order order, string disputeId, Money amount, DateTimeOffset now) =>
        order.Payment.PaidAt is null || order.Payment.Disputes.Any(d => d.Id == disputeId) ? []
            : [new PaymentDisputed(order.Id, order.Number, disputeId, amount, now)];

    /// <summary>A dispute closes once: won or lost (an unknown one is opened first, so that its hold and close both reach the ledger).</summary>
    public static IReadOnlyList<IDomainEvent> CloseDispute(this Order order, string disputeId, bool won, Money amount, DateTimeOffset now)
    {
        if (order.Payment.PaidAt is null || order.Payment.Disputes.Find(d => d.Id == disputeId) is { Status: not "open" }) return [];
        var opened = order.RecordDispute(disputeId, amount, now);
        return [.. opened, new DisputeClosed(order.Id, order.Number, disputeId, won, amount, now)];
    }

    /// <summary>Cancels these sub-orders; what they were paid by card is owed back (one refund, keyed by what it pays back).</summary>
    internal static IReadOnlyList<IDomainEvent> Cancel(Order order, IReadOnlyList<SubOrder> subOrders, string reason, Guid? by, DateTimeOffset now,
        string? note = null)
    {
        var whole = subOrders.Count == Live(order).Count;
        var paid = order.Payment.PaidAt is not null && order.Payment.Reference is { } reference ? reference : null;
        var parts = Money.Sum(subOrders.Select(s => s.Total));
        var amount = whole || parts > order.Payment.Refundable ? order.Payment.Refundable : parts;
        var cancelled = new OrderCancelled(order.Id, order.Number, reason,
            subOrders.Select(s => new PlacedSubOrder(s.Id, s.CooperativeId, s.Lines, s.Subtotal, s.Shipping)).ToList(),
            paid is not null && amount.IsPositive, by, now, note);
        if (!cancelled.RefundDue) return [cancelled];
        var key = whole ? "cancellation" : $"sub-orders-{string.Join('-', subOrders.Select(s => s.Id.ToString("N")[..12]))}";
        return [cancelled, new RefundRequested(order.Id, key, paid!, amount, reason, subOrders.Select(s => s.Id).ToList(), now)];
    }

    private static IReadOnlyList<SubOrder> Live(Order order) => order.SubOrders.Where(s => s.Status != SubOrderStatus.Cancelled).ToList();

    private static SubOrder Fulfillable(Order order, Guid subOrderId)
    {
        var sub = order.SubOrder(subOrderId) ?? throw new NotFound("The sub-order");
        if (!order.OpenToCooperatives && sub.Status != SubOrderStatus.Cancelled)
            throw new DomainRuleViolated("awaiting_payment", $"Order {order.Number} is not paid yet: it cannot be fulfilled.");
        return sub;
    }

    private static void Require(SubOrder sub, SubOrderStatus expected, string move)
    {
        if (sub.Status != expected)
            throw new DomainRuleViolated("illegal_transition",
                $"A sub-order that is {Snake(sub.Status)} cannot be {(move == "ship" ? "shipped" : move + "ed")}: it must be {Snake(expected)} first.");
    }

    private static string Snake(SubOrderStatus s) => s.ToString().ToLowerInvariant();
}
