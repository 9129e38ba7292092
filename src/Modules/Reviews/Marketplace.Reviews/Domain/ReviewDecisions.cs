using Marketplace.BuildingBlocks;

namespace Marketplace.Reviews.Domain;

/// <summary>
/// What may happen to reviews: only the shopper of a delivered sub-order reviews, once per product line and once the
/// cooperative, within 100 days of delivery; the author edits or withdraws; the cooperative's staff reply once and report;
/// administrators hide and restore. Pure: the time and who acts come in; refusals are 403, 409 or 400 answers.
/// </summary>
internal static class ReviewDecisions
{
    public const int MaxText = 2000;
    public const int MaxReason = 500;

    /// <summary>A review's id follows from what it reviews: a second review of the same line meets the first.</summary>
    public static Guid IdOf(Guid subOrderId, Guid? productId) => NameGuids.Of($"review:{subOrderId:N}:{productId?.ToString("N") ?? "cooperative"}");

    public static IReadOnlyList<IDomainEvent> Write(Reviewable? reviewable, Review? existing, Guid author, Guid? productId, int rating, string? text,
        string? message, DateTimeOffset now, string? pageLanguage = null)
    {
        if (reviewable is null || reviewable.ShopperId != author) throw new Forbidden("Only the shopper who received this order reviews it.");
        if (productId is { } p && !reviewable.ProductIds.Contains(p)) throw new ValidationFailed("productId", "This product is not in this part of the order.");
        Check(rating, text, message);
        if (reviewable.Cancelled || reviewable.DeliveredAt is not { } delivered)
            throw new DomainRuleViolated("not_delivered", "It can be reviewed once it is delivered.");
        if (now > delivered + Reviewable.Window)
            throw new DomainRuleViolated("review_window_over", $"Reviews are written within {Reviewable.Window.TotalDays:0} days of delivery.");
        if (existing is not null) throw new DomainRuleViolated("already_reviewed", "It has a review already: edit it instead.");
        return [new ReviewWritten(IdOf(reviewable.Id, productId), reviewable.OrderId, reviewable.Id, reviewable.CooperativeId, productId, author, rating,
            Clean(text), Clean(message), now, TextLanguage.Of(Clean(text), pageLanguage))];
    }

    public static IReadOnlyList<IDomainEvent> Edit(Review review, Guid author, int rating, string? text, DateTimeOffset now, string? pageLanguage = null)
    {
        Author(review, author);
        Check(rating, text, null);
        if (review.Status == ReviewStatus.Withdrawn) throw new DomainRuleViolated("withdrawn", "This review was withdrawn.");
        return review.Rating == rating && review.Text == Clean(text) ? [] : [new ReviewEdited(review.Id, rating, Clean(text), now, review.ProductId, TextLanguage.Of(Clean(text), pageLanguage))];
    }

    public static IReadOnlyList<IDomainEvent> Withdraw(Review review, Guid author, DateTimeOffset now)
    {
        Author(review, author);
        return review.Status == ReviewStatus.Withdrawn ? [] : [new ReviewWithdrawn(review.Id, now, review.ProductId)];
    }

    public static IReadOnlyList<IDomainEvent> Reply(Review review, bool byItsStaff, Guid by, string? text, DateTimeOffset now)
    {
        if (!byItsStaff) throw new Forbidden("Only the reviewed cooperative's staff reply.");
        var reply = Required(text, "text", MaxText);
        if (review.Reply is not null) throw new DomainRuleViolated("already_replied", "The cooperative replied to this review already.");
        return [new ReviewReplied(review.Id, reply, by, now)];
    }

    public static IReadOnlyList<IDomainEvent> Report(Review review, bool byItsStaff, Guid by, string? reason, DateTimeOffset now)
    {
        if (!byItsStaff) throw new Forbidden("Only the reviewed cooperative's staff report its reviews.");
        return [new ReviewReported(review.Id, Required(reason, "reason", MaxReason), by, now)];
    }

    public static IReadOnlyList<IDomainEvent> Hide(Review review, Guid by, string? reason, DateTimeOffset now)
    {
        var why = Required(reason, "reason", MaxReason);
        return review.Status == ReviewStatus.Published ? [new ReviewHidden(review.Id, why, by, now, review.ProductId)] : [];
    }

    public static IReadOnlyList<IDomainEvent> Restore(Review review, Guid by, string? reason, DateTimeOffset now)
    {
        var why = Required(reason, "reason", MaxReason);
        return review.Status == ReviewStatus.Hidden ? [new ReviewRestored(review.Id, why, by, now, review.ProductId)] : [];
    }

    /// <summary>The average of the published ones (two decimals, half away from zero) and their count.</summary>
    public static Rating RatingOf(IEnumerable<Review> reviews)
    {
        var stars = reviews.Where(r => r.Status == ReviewStatus.Published).Select(r => r.Rating).ToList();
        return new Rating(stars.Count == 0 ? null : Math.Round((decimal)stars.Sum() / stars.Count, 2, MidpointRounding.AwayFromZero), stars.Count);
    }

    private static void Author(Review review, Guid author)
    {
        if (review.AuthorId != author) throw new Forbidden("Only its author changes a review.");
    }

    private static void Check(int rating, string? text, string? message)
    {
        var errors = new Dictionary<string, string[]>();
        if (rating is < 1 or > 5) errors["rating"] = ["rating is 1 to 5 stars."];
        if (Clean(text) is { Length: > MaxText } || (text is not null && !JsonInput.IsStorable(text))) errors["text"] = [$"text is at most {MaxText} characters."];
        if (Clean(message) is { Length: > MaxText } || (message is not null && !JsonInput.IsStorable(message)))
            errors["message"] = [$"message is at most {MaxText} characters."];
        if (errors.Count > 0) throw new ValidationFailed(errors);
    }

    private static string Required(string? text, string field, int max) => Clean(text) is { Length: > 0 } t && t.Length <= max && JsonInput.IsStorable(t)
        ? t : throw new ValidationFailed(field, $"{field} is required, at most {max} characters.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
