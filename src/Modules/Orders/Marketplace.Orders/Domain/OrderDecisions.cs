using Marketplace.BuildingBlocks;

namespace Marketplace.Orders.Domain;

/// <summary>
/// What may happen to an order: given its state and a command, the facts to record (none when it already
/// happened), or a refusal (<see cref="DomainRuleViolated"/>, 409). Pure: no I/O, the time comes in.
/// </summary>
internal static class OrderDecisions
{
    public static IReadOnlyList<IDomainEvent> RequestPayment(this Order order, string gateway, string reference, string? clientSecret,
        DateTimeOffset now) =>
        order.Payment.Reference is not null || order.Status != OrderStatus.PendingPayment ? []
            : [new PaymentRequested(order.Id, gateway, reference, clientSecret, order.Total, now)];

    /// <summary>
    /// The gateway says the payment went through: paid, if it is this order's payment and its amount. An order that has
    /// no payment reference yet (a crash right after the gateway created the payment) takes the one the gateway names
    /// for it: the webhook is signed and the payment carries this order's id.
    /// </summary>
    public static IReadOnlyList<IDomainEvent> ConfirmPayment(this Order order, string gateway, string reference, Money amount,
        DateTimeOffset now)
    {
        if (order.Payment.Status is PaymentStatus.Paid or PaymentStatus.RefundPending or PaymentStatus.Refunded
            || order.Method != PaymentMethod.Card) return [];
        if (order.Payment.Reference is not null && order.Payment.Reference != reference)
            return [new PaymentFailed(order.Id, reference, "unknown_payment_reference", now)];
        if (amount != order.Total)
            return [new PaymentFailed(order.Id, reference, $"amount_mismatch: received {amount}, expected {order.Total}", now)];
        if (order.Status == OrderStatus.Cancelled) return []; // cannot happen: a cancelled order's payment is cancelled first
        return [new OrderPaid(order.Id, order.Number, order.Payment.Gateway ?? gateway, reference, amount, now)];
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
        return [new SubOrderShipped(order.Id, sub.Id, carrier, trackingNumber, by, now)];
    }

    /// <summary>Delivered; with cash on delivery the cash collected is recorded (by default the sub-order's total).</summary>
    public static IReadOnlyList<IDomainEvent> Deliver(this Order order, Guid subOrderId, Money? cashCollected, Guid by, DateTimeOffset now)
    {
        var sub = Fulfillable(order, subOrderId);
        Require(sub, SubOrderStatus.Shipped, "deliver");
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
        return [Cancelled(order, "shopper", by, now)];
    }

    /// <summary>A card order still unpaid when its time is up is cancelled (its stock goes back on sale).</summary>
    public static IReadOnlyList<IDomainEvent> Expire(this Order order, DateTimeOffset now) =>
        order.Status == OrderStatus.PendingPayment && order.PaymentDueBy is { } due && due <= now
            ? [Cancelled(order, "payment_expired", null, now)]
            : [];

    public static IReadOnlyList<IDomainEvent> RecordRefund(this Order order, string gateway, string reference, DateTimeOffset now) =>
        order.Payment.RefundDue && order.Payment.AmountReceived is { } amount
            ? [new RefundIssued(order.Id, order.Number, gateway, reference, amount, now)]
            : [];

    private static OrderCancelled Cancelled(Order order, string reason, Guid? by, DateTimeOffset now)
    {
        var live = order.SubOrders.Where(s => s.Status != SubOrderStatus.Cancelled)
            .Select(s => new PlacedSubOrder(s.Id, s.CooperativeId, s.Lines, s.Subtotal, s.Shipping)).ToList();
        return new OrderCancelled(order.Id, order.Number, reason, live, order.Payment.Status == PaymentStatus.Paid, by, now);
    }

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
