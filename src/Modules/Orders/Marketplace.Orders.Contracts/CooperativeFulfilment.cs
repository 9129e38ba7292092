using MediatR;

namespace Marketplace.Orders.Contracts;

// What the cooperative space (its staff's web pages) asks of and tells the Orders module: the queue of the cooperative's
// sub-orders, their moves (accept, ship, deliver) and its sales figures. Staff of the cooperative only (NotFound for an
// unknown cooperative or a sub-order of another one, Forbidden for a stranger). Statuses and methods are spelled as in
// the API ("placed", "cash_on_delivery"); amounts are decimals with 2 places in Currency (MAD).

/// <summary>The cooperative's sub-orders that it can act on, newest first; <paramref name="Status"/> filters (placed, accepted, shipped, delivered, cancelled).</summary>
public sealed record ListCooperativeSubOrders(Guid CooperativeId, Guid UserId, string Language, string? Status = null, int Page = 1,
    int PageSize = 20) : IRequest<CooperativeSubOrderPage>;

public sealed record CooperativeSubOrderPage(IReadOnlyList<CooperativeSubOrder> Items, long Total, int Page, int PageSize);

/// <param name="Total">items and delivery fee: what the shopper pays for this part.</param>
/// <param name="CashCollected">for cash on delivery, once delivered.</param>
/// <param name="CancelReason">why it was cancelled: shopper, payment_expired, out_of_stock, refunded.</param>
public sealed record CooperativeSubOrder(Guid Id, Guid OrderId, string OrderNumber, string Status, DateTimeOffset PlacedAt,
    string PaymentMethod, IReadOnlyList<CooperativeSubOrderLine> Lines, decimal Subtotal, decimal Shipping, decimal Total, string Currency,
    SubOrderAddress? Address, string? Carrier, string? TrackingNumber, decimal? CashCollected, string? CancelReason = null);

public sealed record CooperativeSubOrderLine(Guid ProductId, string Sku, string Name, string Unit, int Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record SubOrderAddress(string FullName, string Phone, string Line1, string? Line2, string City, string? Province, string? PostalCode);

/// <summary>Accept a placed sub-order (409 "illegal_transition"-like DomainRuleViolated when it is not placed).</summary>
public sealed record AcceptSubOrder(Guid CooperativeId, Guid SubOrderId, Guid UserId, string Language) : IRequest<CooperativeSubOrder>;

/// <summary>Ship an accepted sub-order; errors name the fields carrier and trackingNumber.</summary>
public sealed record ShipSubOrder(Guid CooperativeId, Guid SubOrderId, Guid UserId, string? Carrier, string? TrackingNumber, string Language)
    : IRequest<CooperativeSubOrder>;

/// <summary>Deliver a shipped sub-order; for cash on delivery <paramref name="CashCollected"/> (MAD) defaults to its total.</summary>
public sealed record DeliverSubOrder(Guid CooperativeId, Guid SubOrderId, Guid UserId, decimal? CashCollected, string Language)
    : IRequest<CooperativeSubOrder>;

/// <summary>How many of the cooperative's sub-orders are in each status (every status, 0 included).</summary>
public sealed record CountCooperativeSubOrders(Guid CooperativeId, Guid UserId) : IRequest<IReadOnlyDictionary<string, int>>;

/// <summary>
/// The cooperative's sales from <paramref name="From"/> to <paramref name="To"/> (local days, both included, in
/// <paramref name="TimeZone"/>), by day or by ISO week (<paramref name="Period"/> "day" or "week"). A sale is a sub-order
/// placed in the period that the cooperative can act on (cash on delivery, or paid by card) and that is not cancelled.
/// </summary>
public sealed record GetCooperativeSales(Guid CooperativeId, Guid UserId, DateOnly From, DateOnly To, string Period = "day",
    string TimeZone = "Africa/Casablanca") : IRequest<CooperativeSales>;

/// <param name="Items">the amount of the items sold (without delivery fees).</param>
/// <param name="Points">one per day or week of the period, in order, empty ones included.</param>
public sealed record CooperativeSales(DateOnly From, DateOnly To, string Period, int SubOrders, decimal Items, decimal Shipping,
    string Currency, IReadOnlyList<SalesPoint> Points);

/// <param name="Start">the first day of the day or week (Monday).</param>
public sealed record SalesPoint(DateOnly Start, int SubOrders, decimal Items, decimal Shipping);
