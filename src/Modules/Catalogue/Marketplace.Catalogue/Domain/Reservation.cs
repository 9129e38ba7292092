namespace Marketplace.Catalogue.Domain;

/// <summary>
/// The stock an order holds, by product (a document keyed by the order id, written in the same transaction as the
/// products' stock events, under their stream locks). It makes ReserveStock idempotent and tells later steps
/// (order placed, cancelled, expired) what to turn into a sale or give back, line by line, once.
/// </summary>
internal sealed class Reservation
{
    public Guid Id { get; set; }
    public string Status { get; set; } = ReservationStatus.Reserved;
    public DateTimeOffset ReservedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public List<ReservationLine> Lines { get; set; } = [];
    /// <summary>The fingerprint of the checkout request that made it (<c>ReserveForCheckout</c>); null when made by
    /// <c>ReserveStock</c> or by a placed order that found no reservation.</summary>
    public string? RequestHash { get; set; }

    public IEnumerable<Guid> ProductIds => Lines.Select(l => l.ProductId);
}

internal sealed class ReservationLine
{
    public Guid ProductId { get; set; }
    public int Quantity { get; set; }
    public string State { get; set; } = ReservationStatus.Reserved;
}

/// <summary>States of a reservation and of its lines.</summary>
internal static class ReservationStatus
{
    public const string Reserved = "reserved";   // held, waiting for the order
    public const string Ordered = "ordered";     // the whole reservation: its order exists, its OrderPlaced has not come yet
    public const string Missing = "missing";     // a line: the order came after its reservation expired, and the stock was gone
    public const string Sold = "sold";           // the order was placed
    public const string Released = "released";   // given back before the order was placed (expired or cancelled)
    public const string Returned = "returned";   // sold, then cancelled: back on hand
    public const string Expired = "expired";     // the whole reservation: no order came in time
    public const string Placed = "placed";       // the whole reservation: the order was placed
    public const string Cancelled = "cancelled"; // the whole reservation: every line went back
}

/// <summary>Whether a cooperative is suspended (its products leave the shop), from Cooperatives' integration events.</summary>
internal sealed class CooperativeStanding
{
    public Guid Id { get; set; }
    public bool Suspended { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
