using MediatR;

namespace Marketplace.Catalogue.Contracts;

/// <summary>What checkout needs to know of products, with the price of now; unknown ids are left out.</summary>
public sealed record GetProductsForCheckout(IReadOnlyList<Guid> ProductIds) : IRequest<IReadOnlyList<CheckoutProduct>>;

/// <param name="Name">by language: "ar", "fr", "en", "zgh".</param>
/// <param name="UnitPrice">price of one unit, in <see cref="Currency"/>, at most 2 decimals.</param>
/// <param name="Unit">what one unit is, such as "bottle 250 ml".</param>
/// <param name="IsPurchasable">published, and its cooperative is verified (not suspended).</param>
public sealed record CheckoutProduct(Guid ProductId, Guid CooperativeId, string Sku, string Category,
    IReadOnlyDictionary<string, string> Name, decimal UnitPrice, string Currency, string Unit, bool IsPurchasable);

public sealed record StockLine(Guid ProductId, int Quantity);

/// <summary>
/// Reserve stock for an order, all lines or none. Idempotent, keyed by the order id: sending it again (a retry
/// after a crash) answers the first outcome and reserves nothing more. A reservation becomes a sale when the order
/// is placed (OrderPlacedIntegrationEvent) and is released when the order is cancelled, or when no order appears
/// for it in time (a job).
/// </summary>
public sealed record ReserveStock(Guid OrderId, IReadOnlyList<StockLine> Lines) : IRequest<StockReservation>;

/// <summary>Succeeded, or the reason per product that stops it (nothing is then reserved).</summary>
public sealed record StockReservation(Guid OrderId, bool Succeeded, IReadOnlyList<StockShortage> Shortages);

/// <param name="Reason">"insufficient_stock", "not_purchasable" (unpublished, or its cooperative is not verified) or "unknown_product".</param>
/// <param name="Available">what could be bought now (on hand minus reserved).</param>
public sealed record StockShortage(Guid ProductId, int Requested, int Available, string Reason);

/// <summary>
/// Checkout's one question to Catalogue: the products (as <see cref="GetProductsForCheckout"/>) and their reservation
/// for the order (as <see cref="ReserveStock"/>), read and decided in one transaction under the products' locks, so
/// the prices and the stock answered are of the same moment. Idempotent by order id like ReserveStock. The caller's
/// <see cref="RequestHash"/> (a fingerprint of its whole request) is stored with the reservation: a later request for
/// the same order id with another fingerprint is answered <see cref="CheckoutReservation.ReservedForAnotherRequest"/>,
/// and nothing is reserved for it.
/// </summary>
public sealed record ReserveForCheckout(Guid OrderId, IReadOnlyList<StockLine> Lines, string RequestHash) : IRequest<CheckoutReservation>;

/// <param name="Products">the known products of the lines (unknown ids are left out), with the price of now.</param>
/// <param name="Reservation">succeeded (now or by an earlier request with the same fingerprint), or the shortages.</param>
/// <param name="ReservedForAnotherRequest">the order id already holds a reservation for another request: nothing was
/// reserved, <see cref="Reservation"/> is not succeeded.</param>
public sealed record CheckoutReservation(IReadOnlyList<CheckoutProduct> Products, StockReservation Reservation,
    bool ReservedForAnotherRequest = false);
