namespace Marketplace.Reviews.Domain;

internal static class ReviewStatus
{
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";
    public const string Hidden = "hidden";
}

/// <summary>A review as its events made it. Only published ones are shown and counted in averages.</summary>
internal sealed class Review
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid SubOrderId { get; set; }
    public Guid CooperativeId { get; set; }
    public Guid? ProductId { get; set; }
    public Guid AuthorId { get; set; }
    public int Rating { get; set; }
    public string? Text { get; set; }
    public string? Language { get; set; }
    public string? Message { get; set; }
    public string Status { get; set; } = ReviewStatus.Published;
    public DateTimeOffset WrittenAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public int Reports { get; set; }
    public string? LastReport { get; set; }
    public string? ModerationReason { get; set; }

    public void Apply(ReviewWritten e) =>
        (Id, OrderId, SubOrderId, CooperativeId, ProductId, AuthorId, Rating, Text, Language, Message, WrittenAt) =
        (e.ReviewId, e.OrderId, e.SubOrderId, e.CooperativeId, e.ProductId, e.AuthorId, e.Rating, e.Text, e.Language, e.Message, e.At);

    public void Apply(ReviewEdited e) => (Rating, Text, Language, EditedAt) = (e.Rating, e.Text, e.Language, e.At);
    public void Apply(ReviewWithdrawn e) => Status = ReviewStatus.Withdrawn;
    public void Apply(ReviewReplied e) => (Reply, RepliedAt) = (e.Text, e.At);
    public void Apply(ReviewReported e) => (Reports, LastReport) = (Reports + 1, e.Reason);
    public void Apply(ReviewHidden e) => (Status, ModerationReason) = (ReviewStatus.Hidden, e.Reason);
    public void Apply(ReviewRestored e) => (Status, ModerationReason) = (ReviewStatus.Published, e.Reason);

    public Review Then(Marketplace.BuildingBlocks.IDomainEvent e)
    {
        switch (e)
        {
            case ReviewWritten x: Apply(x); break;
            case ReviewEdited x: Apply(x); break;
            case ReviewWithdrawn x: Apply(x); break;
            case ReviewReplied x: Apply(x); break;
            case ReviewReported x: Apply(x); break;
            case ReviewHidden x: Apply(x); break;
            case ReviewRestored x: Apply(x); break;
            default: throw new InvalidOperationException($"No Apply for {e.GetType().Name}.");
        }
        return this;
    }
}
