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
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
