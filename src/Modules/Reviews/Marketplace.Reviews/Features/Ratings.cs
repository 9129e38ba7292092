using Marketplace.Reviews.Domain;
using Marten;
using MediatR;

namespace Marketplace.Reviews.Features;

/// <summary>Ratings for the product and cooperative answers, from the published reviews (the review documents are the projection).</summary>
internal sealed class RatingsHandler(IReviewsStore store, TimeProvider clock) : IRequestHandler<GetProductRatings, IReadOnlyDictionary<Guid, Rating>>,
    IRequestHandler<GetCooperativeRating, Rating>
{
    public async Task<IReadOnlyDictionary<Guid, Rating>> Handle(GetProductRatings query, CancellationToken ct)
    {
        var ids = query.ProductIds.Distinct().ToArray();
        await using var session = store.QuerySession();
        var reviews = ids.Length == 0 ? [] : await session.Query<Review>()
            .Where(r => r.ProductId != null && r.ProductId.Value.IsOneOf(ids) && r.Status == ReviewStatus.Published).ToListAsync(ct);
        var byProduct = reviews.ToLookup(r => r.ProductId!.Value);
        return ids.ToDictionary(id => id, id => ReviewDecisions.RatingOf(byProduct[id]));
    }

    public async Task<Rating> Handle(GetCooperativeRating query, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddMonths(-12);
        await using var session = store.QuerySession();
        return ReviewDecisions.RatingOf(await session.Query<Review>().Where(r => r.CooperativeId == query.CooperativeId && r.ProductId == null
            && r.Status == ReviewStatus.Published && r.WrittenAt >= since).ToListAsync(ct));
    }
}
