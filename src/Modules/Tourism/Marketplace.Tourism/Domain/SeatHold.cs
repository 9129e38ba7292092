namespace Marketplace.Tourism.Domain;

/// <summary>
/// The seats an order holds, by slot (a document keyed by the order id, written with the slots' seat events under their
/// locks): it makes checkout's reservation idempotent and tells later steps what to give back, once.
/// </summary>
internal sealed class SeatHold
{
    public Guid Id { get; set; }
    public string Status { get; set; } = SeatHoldStatus.Reserved;
    public string RequestHash { get; set; } = "";
    public DateTimeOffset ReservedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public List<SeatHoldLine> Lines { get; set; } = [];
}

internal sealed class SeatHoldLine
{
    public Guid SlotId { get; set; }
    public int Participants { get; set; }
}

internal static class SeatHoldStatus
{
    public const string Reserved = "reserved"; // held, waiting for the order
    public const string Expired = "expired";   // no order came in time: the seats went back
    public const string Released = "released"; // its checkout was refused (its products could not be had): the seats went back
    public const string Placed = "placed";     // the order was placed: the seats are booked
}
