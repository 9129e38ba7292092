using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using Marten;

namespace Marketplace.Reviews.Features;

internal static class ReviewStreams
{
    /// <summary>Reads the review, decides, appends with the version read; decides again when another writer got there first.</summary>
    public static Task<Review> UpdateAsync(this IReviewsStore store, Guid reviewId, Func<Review, IReadOnlyList<IDomainEvent>> decide,
        CancellationToken ct) => Concurrency.RetryOnConflictAsync(async () =>
    {
        await using (var session = store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<Review>(reviewId, ct);
            var review = stream.Aggregate ?? throw new NotFound("The review");
            var events = decide(review);
            if (events.Count == 0) return review;
            stream.AppendMany(events.Cast<object>().ToArray());
            await session.SaveChangesAsync(ct);
        }
        await using var query = store.QuerySession();
        return (await query.LoadAsync<Review>(reviewId, ct))!;
    }, ct);
}

internal static class ReviewStaff
{
    /// <summary>Whether the user works for the cooperative (its staff reply, report and read the private messages).</summary>
    public static async Task<bool> IsStaffAsync(this MediatR.IMediator mediator, Guid cooperativeId, Guid userId, CancellationToken ct) =>
        (await mediator.Send(new Marketplace.Cooperatives.Contracts.GetCooperativeAccess(cooperativeId, userId), ct))?.IsStaff == true;
}

internal static class ReviewViews
{
    /// <summary>The review as it is shown; its private message and reports only with <paramref name="privateParts"/>.</summary>
    public static ReviewView ToView(this Review r, bool privateParts = false) => new(r.Id, r.OrderId, r.SubOrderId, r.CooperativeId, r.ProductId,
        r.Rating, r.Text, r.Language, r.Status, r.WrittenAt, r.EditedAt, r.Reply, r.RepliedAt, privateParts ? r.Message : null, privateParts ? r.Reports : null);
}
