using MediatR;

namespace Marketplace.Orders.Contracts;

// Integration events of the Orders module, published by its outbox after commit, at least once: receivers are
// idempotent, keyed by EventId. Amounts are decimals with 2 places in Currency (MAD); methods and statuses are
// spelled as in the API ("card", "cash_on_delivery").

/// <param name="ProductId">the product, or for a booking (<paramref name="Booking"/>) the slot booked.</param>
public sealed record OrderLineInfo(Guid ProductId, string Sku, string Category, int Quantity, decimal UnitPrice, decimal LineTotal,
    bool Booking = false);

/// <param name="Subtotal">the items, without the delivery fee.</param>
/// <param name="Shipping">the delivery fee, which goes whole to the cooperative.</param>
public sealed record SubOrderInfo(Guid SubOrderId, Guid CooperativeId, IReadOnlyList<OrderLineInfo> Lines, decimal Subtotal, decimal Shipping);

/// <summary>An order was placed: prices are frozen. Catalogue turns its stock reservation into a sale.</summary>
public sealed record OrderPlacedIntegrationEvent(Guid EventId, Guid OrderId, string Number, Guid ShopperId, string PaymentMethod,
    IReadOnlyList<SubOrderInfo> SubOrders, decimal Total, string Currency, DateTimeOffset PlacedAt) : INotification;

/// <summary>A card order was paid (the payment gateway confirmed it).</summary>
public sealed record OrderPaidIntegrationEvent(Guid EventId, Guid OrderId, string Number, decimal Amount, string Currency,
    string PaymentReference, DateTimeOffset PaidAt) : INotification;

/// <summary>A cooperative accepted its sub-order: it is being prepared.</summary>
public sealed record SubOrderAcceptedIntegrationEvent(Guid EventId, Guid OrderId, Guid SubOrderId, DateTimeOffset At) : INotification;

/// <summary>A cooperative handed its sub-order to a carrier.</summary>
public sealed record SubOrderShippedIntegrationEvent(Guid EventId, Guid OrderId, Guid SubOrderId, string Carrier, string TrackingNumber,
    DateTimeOffset At) : INotification;

/// <summary>A cooperative delivered its sub-order; for cash on delivery it now holds <paramref name="CashCollected"/>.</summary>
public sealed record SubOrderDeliveredIntegrationEvent(Guid EventId, Guid OrderId, string Number, Guid SubOrderId, Guid CooperativeId,
    string PaymentMethod, decimal? CashCollected, string Currency, DateTimeOffset DeliveredAt) : INotification;

/// <summary>Sub-orders were cancelled (the whole order, or one cooperative's part): their stock returns.</summary>
/// <param name="Reason">shopper, cooperative (it cancelled its visit: <paramref name="Note"/> says why), out_of_stock, payment_expired, refunded.</param>
public sealed record SubOrdersCancelledIntegrationEvent(Guid EventId, Guid OrderId, string Number, IReadOnlyList<SubOrderInfo> SubOrders,
    string Reason, DateTimeOffset CancelledAt, string? Note = null) : INotification;

/// <summary>
/// A booking of a sub-order that goes on was cancelled (a sub-order left with nothing is cancelled whole instead): its seats
/// return. <paramref name="Kept"/>: given up by the shopper after the free cancellation, paid by card, its price stays the
/// cooperative's; otherwise its price leaves the sub-order (<paramref name="Refund"/> of it goes back to the card).
/// </summary>
/// <param name="By">"shopper" or "cooperative" (then <paramref name="Reason"/> is what it told the shopper).</param>
public sealed record BookingCancelledIntegrationEvent(Guid EventId, Guid OrderId, string Number, Guid SubOrderId, Guid CooperativeId, Guid SlotId,
    string Sku, int Participants, decimal LineTotal, decimal Refund, bool Kept, string By, string? Reason, string Currency, DateTimeOffset At)
    : INotification;

/// <summary>
/// The cooperative cancels its booked visit in this order (a slot it cancelled): refunded in full, recorded against it; or
/// (<paramref name="Decline"/>) it does not confirm a booking of a date on request: refunded in full, not held against it.
/// Idempotent; NotFound when the order holds no booking of the slot in this cooperative's sub-order.
/// </summary>
public sealed record CancelBookingByCooperative(Guid OrderId, Guid SlotId, Guid CooperativeId, Guid ActorId, string? Reason, bool Decline = false)
    : IRequest<Unit>;

/// <summary>Money went back to the shopper's card: for these sub-orders, or (empty) for the order as a whole (a refund made
/// in the gateway's dashboard).</summary>
public sealed record RefundIssuedIntegrationEvent(Guid EventId, Guid OrderId, string Number, decimal Amount, string Currency,
    string RefundReference, DateTimeOffset RefundedAt, IReadOnlyList<Guid>? SubOrderIds = null) : INotification;

/// <summary>The card payment of an order is disputed by the cardholder (its bank): the sub-orders' net is held.</summary>
public sealed record PaymentDisputedIntegrationEvent(Guid EventId, Guid OrderId, string Number, string DisputeId, decimal Amount, string Currency,
    DateTimeOffset At) : INotification;

/// <summary>A dispute closed: <paramref name="Won"/> (the held net is released) or lost (<paramref name="Amount"/> is reversed like a refund).</summary>
public sealed record PaymentDisputeClosedIntegrationEvent(Guid EventId, Guid OrderId, string Number, string DisputeId, bool Won, decimal Amount,
    string Currency, DateTimeOffset At) : INotification;

/// <summary>Which of these orders exist (were placed): the others never were, or not yet.</summary>
public sealed record GetExistingOrders(IReadOnlyList<Guid> OrderIds) : IRequest<IReadOnlyList<Guid>>;
