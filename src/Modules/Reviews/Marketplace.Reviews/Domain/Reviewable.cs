namespace Marketplace.Reviews.Domain;

/// <summary>
/// What the shopper of a sub-order may review, kept from Orders' events (a document per sub-order): its product lines, the
/// cooperative, and from when (delivered) until when (100 days later). A cancelled sub-order can be reviewed by no one.
/// </summary>
internal sealed class Reviewable
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(100);

    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid ShopperId { get; set; }
    public Guid CooperativeId { get; set; }
    public List<Guid> ProductIds { get; set; } = [];
    public DateTimeOffset? DeliveredAt { get; set; }
    public bool Cancelled { get; set; }
}
