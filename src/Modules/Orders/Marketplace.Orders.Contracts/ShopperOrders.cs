using MediatR;

namespace Marketplace.Orders.Contracts;

// The shopper's side of Orders for the web pages: the same use cases as POST /api/orders, GET /api/orders[/{id}] and
// POST /api/orders/{id}/cancel, with the same rules. Statuses and methods are spelled as in the API ("pending_payment",
// "cash_on_delivery"); amounts are decimals with 2 places in Currency (MAD); product names in the asked language.

/// <summary>
/// Checkout: one order, one sub-order per cooperative. The same <paramref name="IdempotencyKey"/> with the same lines,
/// address and method answers the same order (Created false); with another body it is refused (Unprocessable).
/// Refusals: ValidationFailed for bad input (fields "Lines", "ShippingAddress.FullName", "PaymentMethod"...; card while
/// card payments are off is a "PaymentMethod" error); DomainRuleViolated "insufficient_stock" or "not_purchasable"
/// (a product unpublished or its cooperative suspended) with Details["products"] an IReadOnlyList of
/// <see cref="RefusedProduct"/>; DependencyUnavailable when the card gateway did not answer (the same request may be retried).
/// </summary>
/// <param name="PaymentMethod">"cash_on_delivery" or "card".</param>
public sealed record PlaceShopperOrder(Guid ShopperId, string IdempotencyKey, IReadOnlyList<OrderLineRequest> Lines,
    ShippingAddressInput ShippingAddress, string PaymentMethod, string Language) : IRequest<PlacedShopperOrder>;

/// <summary>A product and its quantity, or (<paramref name="SlotId"/> given) a booking of a slot for <paramref name="Quantity"/> participants
/// (<paramref name="Children"/> of them children; the whole slot for the group when <paramref name="PrivateGroup"/>).</summary>
public sealed record OrderLineRequest(Guid ProductId, int Quantity, Guid? SlotId = null, int? Children = null, bool? PrivateGroup = null);

/// <summary>A shipping address: free text anywhere in Morocco.</summary>
public sealed record ShippingAddressInput(string? FullName, string? Phone, string? Line1, string? Line2, string? City, string? Province,
    string? PostalCode);

/// <param name="Created">this request placed it; false: an earlier request with the same key did.</param>
public sealed record PlacedShopperOrder(ShopperOrder Order, bool Created);

/// <summary>A product that stopped a checkout (nothing was reserved). <paramref name="Reason"/>: "insufficient_stock" or "not_purchasable".</summary>
public sealed record RefusedProduct(Guid ProductId, string Sku, string Name, int Requested, int Available, string Reason);

/// <summary>Whether checkout takes cards now (the card gateway has keys); cash on delivery is always taken.</summary>
public sealed record GetCheckoutOptions : IRequest<CheckoutOptions>;

/// <param name="CardGateway">"stripe" when cards are taken.</param>
public sealed record CheckoutOptions(bool CardAvailable, string? CardGateway);

/// <summary>One order: the shopper's own, or any for an administrator (Forbidden otherwise, NotFound when unknown).</summary>
public sealed record GetShopperOrder(Guid OrderId, Guid UserId, bool IsAdmin, string Language) : IRequest<ShopperOrder>;

/// <summary>The shopper's orders, newest first.</summary>
public sealed record ListShopperOrders(Guid ShopperId, string Language, int Page = 1, int PageSize = 20) : IRequest<ShopperOrderPage>;

public sealed record ShopperOrderPage(IReadOnlyList<ShopperOrder> Items, long Total, int Page, int PageSize);

/// <summary>
/// "Pay now": a fresh hosted payment page for an unpaid card order of the shopper; answers its URL. DomainRuleViolated
/// "already_paid", "order_cancelled", "payment_expired" or "payment_in_progress" otherwise.
/// </summary>
public sealed record PayShopperOrder(Guid OrderId, Guid UserId, string Language) : IRequest<string>;

/// <summary>The shopper cancels before any sub-order ships (DomainRuleViolated otherwise): stock returns, a card payment is refunded.</summary>
public sealed record CancelShopperOrder(Guid OrderId, Guid UserId, bool IsAdmin, string Language) : IRequest<ShopperOrder>;

/// <param name="Status">pending_payment, placed, paid, partially_shipped, shipped, delivered or cancelled.</param>
/// <param name="PaymentMethod">"cash_on_delivery" or "card".</param>
/// <param name="PaymentStatus">pending, failed, paid, refund_pending, refunded, collected or cancelled.</param>
/// <param name="ClientSecret">for the shopper's browser to pay by card, while the order waits for its payment.</param>
/// <param name="PayBefore">an unpaid card order is cancelled after this.</param>
/// <param name="CanCancel">the shopper may still cancel it (nothing shipped yet, not cancelled).</param>
/// <param name="CheckoutUrl">the provider's hosted payment page of the open attempt, while the order waits for its payment.</param>
/// <param name="PaymentFailure">why the last attempt did not pay (declined, expired...), while the order waits for its payment.</param>
/// <param name="ShopperId">who ordered.</param>
public sealed record ShopperOrder(Guid Id, string Number, string Status, DateTimeOffset PlacedAt, decimal ItemsTotal, decimal ShippingTotal,
    decimal Total, string Currency, IReadOnlyList<ShopperSubOrder> SubOrders, string PaymentMethod, string PaymentStatus,
    string? ClientSecret, DateTimeOffset? PayBefore, ShippingAddressInput? ShippingAddress, string? CancelReason, bool CanCancel,
    string? CheckoutUrl = null, string? PaymentFailure = null, Guid ShopperId = default);

/// <param name="Status">placed, accepted, shipped, delivered or cancelled.</param>
/// <param name="Shipping">the delivery fee of this cooperative's part.</param>
/// <param name="CancelReason">why it was cancelled: shopper, payment_expired, out_of_stock, refunded.</param>
public sealed record ShopperSubOrder(Guid Id, Guid CooperativeId, string Status, IReadOnlyList<ShopperOrderLine> Lines, decimal Subtotal,
    decimal Shipping, decimal Total, string? Carrier, string? TrackingNumber, string? CancelReason = null);

public sealed record ShopperOrderLine(Guid ProductId, string Sku, string Name, string Unit, int Quantity, decimal UnitPrice, decimal LineTotal);

/// <summary>
/// The form that sends the shopper to the card provider's payment page (CMI): posted by the page /orders/{id}/pay to
/// <see cref="CardPaymentForm.GatewayUrl"/>. NotFound/Forbidden as for the order; DomainRuleViolated when it is not payable.
/// </summary>
public sealed record GetCardPaymentForm(Guid OrderId, Guid UserId, string Language) : IRequest<CardPaymentForm>;

/// <param name="Fields">the form's hidden fields, the hash among them.</param>
public sealed record CardPaymentForm(string OrderNumber, decimal Total, string Currency, string GatewayUrl, IReadOnlyList<KeyValuePair<string, string>> Fields);
