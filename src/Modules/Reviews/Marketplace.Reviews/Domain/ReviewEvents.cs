using Marketplace.BuildingBlocks;

namespace Marketplace.Reviews.Domain;

// The life of a review, a stream per review (its id follows from the sub-order and the product, or the cooperative).
// Those that can move a product's rating carry its ProductId (null: a review of the cooperative), for the outbox.

/// <param name="ProductId">the product reviewed; null: the cooperative itself.</param>
/// <param name="Message">a private message to the cooperative, beside the public review (only its staff read it).</param>
/// <param name="Language">the language of the text (<see cref="TextLanguage"/>), null when unknown.</param>
[EventName("reviews.review_written")]
internal sealed record ReviewWritten(Guid ReviewId, Guid OrderId, Guid SubOrderId, Guid CooperativeId, Guid? ProductId, Guid AuthorId, int Rating,
    string? Text, string? Message, DateTimeOffset At, string? Language = null) : IDomainEvent;

[EventName("reviews.review_edited")]
internal sealed record ReviewEdited(Guid ReviewId, int Rating, string? Text, DateTimeOffset At, Guid? ProductId = null, string? Language = null) : IDomainEvent;

[EventName("reviews.review_withdrawn")]
internal sealed record ReviewWithdrawn(Guid ReviewId, DateTimeOffset At, Guid? ProductId = null) : IDomainEvent;

[EventName("reviews.review_replied")]
internal sealed record ReviewReplied(Guid ReviewId, string Text, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("reviews.review_reported")]
internal sealed record ReviewReported(Guid ReviewId, string Reason, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("reviews.review_hidden")]
internal sealed record ReviewHidden(Guid ReviewId, string Reason, Guid By, DateTimeOffset At, Guid? ProductId = null) : IDomainEvent;

[EventName("reviews.review_restored")]
internal sealed record ReviewRestored(Guid ReviewId, string Reason, Guid By, DateTimeOffset At, Guid? ProductId = null) : IDomainEvent;
