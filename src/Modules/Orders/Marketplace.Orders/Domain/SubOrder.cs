using Marketplace.BuildingBlocks;

namespace Marketplace.Orders.Domain;

internal sealed class SubOrder
{
    public Guid Id { get; set; }
    public Guid CooperativeId { get; set; }
    public SubOrderStatus Status { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
    public Money Subtotal { get; set; } = Money.Zero();
    public Money Shipping { get; set; } = Money.Zero();
    public Money Total { get; set; } = Money.Zero();
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public Money? CashCollected { get; set; }
    /// <summary>Why it was cancelled (see <see cref="OrderCancelled.Reason"/>).</summary>
    public string? CancelReason { get; set; }
    /// <summary>What the cooperative said when it cancelled its visit.</summary>
    public string? CancelNote { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    /// <summary>Its bookings cancelled while it went on (see <see cref="BookingCancelled"/>).</summary>
    public List<CancelledBooking> CancelledBookings { get; set; } = [];

    public CancelledBooking? CancelledBooking(Guid slotId) => CancelledBookings.Find(c => c.SlotId == slotId);

    /// <summary>Its lines not cancelled: products, and bookings still to come.</summary>
    public IReadOnlyList<OrderLine> LiveLines() => Lines.Where(l => l.Booking is null || CancelledBooking(l.ProductId) is null).ToList();
}

internal sealed class CancelledBooking
{
    public Guid SlotId { get; set; }
    public string By { get; set; } = "";
    public string? Reason { get; set; }
    public Money Refund { get; set; } = Money.Zero();
    public bool Kept { get; set; }
    public DateTimeOffset At { get; set; }
}
