using Marketplace.BuildingBlocks;

namespace Marketplace.Orders.Domain;

// The facts of an order's life, one stream per order. They carry what the outbox needs to tell other modules
// (number, sub-orders...), so that an integration event is made from its domain event alone.

/// <param name="ProductId">the product, or for a booking its slot.</param>
/// <param name="Booking">what a booking line books (its quantity is the participants); null for a product.</param>
internal sealed record OrderLine(Guid ProductId, string Sku, string Category, IReadOnlyDictionary<string, string> Name, string Unit,
    int Quantity, Money UnitPrice, Money LineTotal, BookedSlot? Booking = null);

/// <summary>
/// A booking's slot: the experience, when it starts (with Casablanca's offset), where to meet, its cancellation policy; how many
/// children come, whether the group is alone on it, and whether the cooperative confirms it (a slot on request).
/// </summary>
internal sealed record BookedSlot(Guid ExperienceId, DateTimeOffset StartsAt, string MeetingPoint, string Cancellation, int Children = 0,
    bool Private = false, bool OnRequest = false);

internal sealed record PlacedSubOrder(Guid SubOrderId, Guid CooperativeId, IReadOnlyList<OrderLine> Lines, Money Subtotal, Money Shipping)
{
    public Money Total => Subtotal + Shipping;
}

internal sealed record ShippingAddress(string FullName, string Phone, string Line1, string? Line2, string City, string? Province,
    string? PostalCode);

/// <param name="CardFlow">how a card order is paid: "intent" (the API client confirms a PaymentIntent with its client secret)
/// or "hosted" (the shopper is sent to the provider's payment page); null for cash on delivery.</param>
[EventName("orders.order_placed")]
internal sealed record OrderPlaced(Guid OrderId, string Number, Guid ShopperId, PaymentMethod Method, IReadOnlyList<PlacedSubOrder> SubOrders,
    Money ItemsTotal, Money ShippingTotal, Money Total, ShippingAddress Address, string RequestHash, DateTimeOffset PlacedAt,
    DateTimeOffset? PaymentDueBy, string? CardFlow = null) : IDomainEvent;

/// <summary>
/// An attempt to pay was opened at the gateway: a PaymentIntent (the shopper pays with the client secret) or a hosted
/// payment page (the shopper is sent to <paramref name="CheckoutUrl"/>). One attempt is open at a time: a new one
/// (<paramref name="Attempt"/> 2, 3...) follows the stop of the one before.
/// </summary>
[EventName("orders.payment_requested")]
internal sealed record PaymentRequested(Guid OrderId, string Gateway, string Reference, string? ClientSecret, Money Amount,
    DateTimeOffset At, string? CheckoutUrl = null, int Attempt = 1) : IDomainEvent;

/// <summary>An attempt to pay failed (card declined, wrong amount...): the order stays payable.</summary>
[EventName("orders.payment_failed")]
internal sealed record PaymentFailed(Guid OrderId, string Reference, string Reason, DateTimeOffset At) : IDomainEvent;

[EventName("orders.order_paid")]
internal sealed record OrderPaid(Guid OrderId, string Number, string Gateway, string Reference, Money Amount, DateTimeOffset PaidAt)
    : IDomainEvent;

/// <summary>An unpaid order past its time could not be expired now (its payment undecided at the gateway, or the gateway
/// unreachable): it is looked at again at <paramref name="RetryAt"/>.</summary>
[EventName("orders.expiry_deferred")]
internal sealed record ExpiryDeferred(Guid OrderId, string Reason, DateTimeOffset RetryAt, DateTimeOffset At) : IDomainEvent;

[EventName("orders.sub_order_accepted")]
internal sealed record SubOrderAccepted(Guid OrderId, Guid SubOrderId, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("orders.sub_order_shipped")]
internal sealed record SubOrderShipped(Guid OrderId, Guid SubOrderId, string Carrier, string TrackingNumber, Guid By, DateTimeOffset At)
    : IDomainEvent;

[EventName("orders.sub_order_delivered")]
internal sealed record SubOrderDelivered(Guid OrderId, string Number, Guid SubOrderId, Guid CooperativeId, PaymentMethod Method,
    Money? CashCollected, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>Sub-orders were cancelled: all those still live (the whole order) or some of them (one cooperative's part).</summary>
/// <param name="Reason">"shopper" (the shopper cancelled), "cooperative" (the cooperative cancelled its visit), "payment_expired" (a card order left unpaid), "out_of_stock" (the
/// stock of a placed order was missing) or "refunded" (the payment was refunded in full outside the platform).</param>
/// <param name="RefundDue">money was received for these sub-orders: a <see cref="RefundRequested"/> comes with it.</param>
/// <param name="Note">what the cooperative told the shopper when it cancelled its visit.</param>
[EventName("orders.order_cancelled")]
internal sealed record OrderCancelled(Guid OrderId, string Number, string Reason, IReadOnlyList<PlacedSubOrder> SubOrders, bool RefundDue,
    Guid? By, DateTimeOffset At, string? Note = null) : IDomainEvent;

/// <summary>
/// One booking of a sub-order that goes on (its other lines are live, or it keeps money of a booking given up) was
/// cancelled: its seats go back. <paramref name="Kept"/>: the shopper gave it up after the policy's free cancellation,
/// paid by card: the cooperative keeps its price. Otherwise its price leaves the sub-order, and what was paid for it
/// comes back (<paramref name="Refund"/>, with a <see cref="RefundRequested"/>).
/// </summary>
/// <param name="By">"shopper" or "cooperative" (then recorded against it, with <paramref name="Reason"/>).</param>
[EventName("orders.booking_cancelled")]
internal sealed record BookingCancelled(Guid OrderId, string Number, Guid SubOrderId, Guid CooperativeId, Guid SlotId, int Participants,
    Money LineTotal, Money Refund, bool Kept, string By, string? Reason, Guid? UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>Money of the order's payment is owed back to the shopper's card (issued by <see cref="RefundIssued"/>).</summary>
/// <param name="Key">the refund's own key ("cancellation", "sub-order-..."): its idempotency key at the gateway.</param>
/// <param name="SubOrderIds">the sub-orders it pays back.</param>
[EventName("orders.refund_requested")]
internal sealed record RefundRequested(Guid OrderId, string Key, string PaymentReference, Money Amount, string Reason,
    IReadOnlyList<Guid> SubOrderIds, DateTimeOffset At) : IDomainEvent;

/// <summary>Money went back to the shopper's card: a refund the platform requested (<see cref="Key"/>), or one made outside it
/// (in Stripe's dashboard: <see cref="Key"/> is null, <see cref="SubOrderIds"/> empty: the order as a whole).</summary>
[EventName("orders.refund_issued")]
internal sealed record RefundIssued(Guid OrderId, string Number, string Gateway, string Reference, Money Amount, DateTimeOffset At,
    string? Key = null, IReadOnlyList<Guid>? SubOrderIds = null) : IDomainEvent;

/// <summary>The cardholder disputes the payment (a chargeback): the money is held by the card network until it closes.</summary>
[EventName("orders.payment_disputed")]
internal sealed record PaymentDisputed(Guid OrderId, string Number, string DisputeId, Money Amount, DateTimeOffset At) : IDomainEvent;

/// <summary>A dispute closed: won (the payment stands) or lost (<paramref name="Amount"/> went back to the cardholder).</summary>
[EventName("orders.dispute_closed")]
internal sealed record DisputeClosed(Guid OrderId, string Number, string DisputeId, bool Won, Money Amount, DateTimeOffset At) : IDomainEvent;

/// <summary>The gateway did not issue a refund: <paramref name="Permanent"/> (refused: shown to administrators, not retried) or
/// not now (retried at <paramref name="RetryAt"/>).</summary>
[EventName("orders.refund_failed")]
internal sealed record RefundFailed(Guid OrderId, string Key, string Error, bool Permanent, DateTimeOffset? RetryAt, DateTimeOffset At)
    : IDomainEvent;
