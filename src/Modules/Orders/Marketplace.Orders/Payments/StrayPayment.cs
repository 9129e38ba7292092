using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;

namespace Marketplace.Orders.Payments;

/// <summary>
/// Money a card gateway took that no order keeps: another amount than the order's, a second payment of a paid order, a
/// payment of an order cancelled meanwhile or unknown. It goes back to the card at once (its refund's idempotency key is
/// the payment's), and administrators see it and what became of its refund. One per payment reference.
/// </summary>
internal sealed class StrayPayment
{
    public string Id { get; set; } = "";
    public string Gateway { get; set; } = "";
    public Guid OrderId { get; set; }
    public string? OrderNumber { get; set; }
    public Money Amount { get; set; } = Money.Zero();
    /// <summary>amount_mismatch, second_payment, order_cancelled, unknown_order.</summary>
    public string Reason { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public RefundStatus RefundStatus { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public string? RefundReference { get; set; }
    public DateTimeOffset? RefundedAt { get; set; }

    public static string RefundKey(string reference) => $"stray-{reference}-refund";

    public bool IsDue(DateTimeOffset now) => RefundStatus == RefundStatus.Due && (NextAttemptAt ?? DateTimeOffset.MinValue) <= now;
}
