using MediatR;

namespace Marketplace.Reviews.Contracts;

/// <summary>
/// A review as it is shown: <paramref name="Message"/> (the private message to the cooperative) and <paramref name="Reports"/>
/// only for its author, the reviewed cooperative's staff and administrators. Status: published, withdrawn or hidden.
/// <paramref name="Language"/>: the language its text is written in (ar, fr, en, zgh), null when unknown.
/// </summary>
public sealed record ReviewView(Guid Id, Guid OrderId, Guid SubOrderId, Guid CooperativeId, Guid? ProductId, int Rating, string? Text, string? Language,
    string Status, DateTimeOffset WrittenAt, DateTimeOffset? EditedAt, string? Reply, DateTimeOffset? RepliedAt, string? Message = null, int? Reports = null);

/// <summary>A page of reviews, newest first, with the rating they make (a cooperative's: of the last 12 months).</summary>
public sealed record ReviewPage(Rating Rating, IReadOnlyList<ReviewView> Items, int Total, int Page, int PageSize);

/// <summary>
/// The shopper of a delivered sub-order reviews one of its products or, without <paramref name="ProductId"/>, its cooperative:
/// once each, within 100 days of delivery. Forbidden for anyone else; DomainRuleViolated (not_delivered, review_window_over,
/// already_reviewed); ValidationFailed for stars outside 1..5 or a text over 2,000 characters. <paramref name="PageLanguage"/>:
/// the language the author writes from (the text's own script decides first: Arabic, Tifinagh).
/// </summary>
public sealed record WriteReview(Guid OrderId, Guid SubOrderId, Guid AuthorId, Guid? ProductId, int? Rating, string? Text, string? Message,
    string? PageLanguage = null) : IRequest<ReviewView>;

/// <summary>Its author changes the stars and the text.</summary>
public sealed record EditReview(Guid ReviewId, Guid AuthorId, int? Rating, string? Text, string? PageLanguage = null) : IRequest<ReviewView>;

/// <summary>Its author withdraws it: it leaves the pages and the averages.</summary>
public sealed record WithdrawReview(Guid ReviewId, Guid AuthorId) : IRequest<ReviewView>;

/// <summary>The reviewed cooperative's staff reply once, publicly (DomainRuleViolated already_replied after).</summary>
public sealed record ReplyToReview(Guid ReviewId, Guid UserId, string? Text) : IRequest<ReviewView>;

/// <summary>The reviewed cooperative's staff report it to the administrators with a reason.</summary>
public sealed record ReportReview(Guid ReviewId, Guid UserId, string? Reason) : IRequest<ReviewView>;

/// <summary>An administrator hides a published review with a reason (it leaves the pages and averages), or restores a hidden one.</summary>
public sealed record ModerateReview(Guid ReviewId, Guid AdminId, bool Hide, string? Reason) : IRequest<ReviewView>;

/// <summary>A product's published reviews, newest first.</summary>
public sealed record GetProductReviews(Guid ProductId, int? Page = null, int? PageSize = null) : IRequest<ReviewPage>;

/// <summary>A cooperative's published reviews of itself, newest first (its staff, <paramref name="ViewerId"/>, also read the private messages).</summary>
public sealed record GetCooperativeReviews(Guid CooperativeId, Guid? ViewerId, int? Page = null, int? PageSize = null) : IRequest<ReviewPage>;

/// <summary>
/// For its staff: every review of the cooperative and of its products, published or hidden (not withdrawn), newest first,
/// with the private messages and reports. Forbidden for others.
/// </summary>
public sealed record GetReviewsForCooperativeStaff(Guid CooperativeId, Guid UserId, int? Page = null, int? PageSize = null) : IRequest<ReviewPage>;

/// <summary>What the shopper may review in an order and what she wrote: one entry per sub-order the Reviews module knows.</summary>
public sealed record GetOrderReviews(Guid OrderId, Guid ShopperId) : IRequest<IReadOnlyList<SubOrderReviews>>;

/// <param name="OpenUntil">the last instant a review may be written; null while not delivered (or cancelled).</param>
/// <param name="Open">whether reviews may be written now.</param>
public sealed record SubOrderReviews(Guid SubOrderId, Guid CooperativeId, IReadOnlyList<Guid> ProductIds, bool Open, DateTimeOffset? OpenUntil,
    IReadOnlyList<ReviewView> Reviews);

/// <summary>
/// The administrators' queue, by <paramref name="State"/>: reported (the default: reported reviews, most reports first),
/// published (every published review, the reported first, then the newest) or hidden.
/// </summary>
public sealed record GetModerationQueue(string? State, int? Page = null, int? PageSize = null) : IRequest<IReadOnlyList<ModerationItem>>;

/// <summary>A review for moderation (without its private message: that is the cooperative's alone), how often and why it was last reported.</summary>
public sealed record ModerationItem(ReviewView Review, int Reports, string? LastReport, string? ModerationReason);

/// <summary>A product's published reviews changed (written, edited, withdrawn, hidden or restored): its rating may have moved.</summary>
public sealed record ProductReviewsChangedIntegrationEvent(Guid EventId, Guid ProductId) : INotification;
