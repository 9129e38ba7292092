using Marketplace.Reviews.Domain;
using Marten;
using MediatR;

namespace Marketplace.Reviews.Features;

/// <summary>For the order page: what its shopper may review in each sub-order, until when, and what she wrote (withdrawn ones too: they are not written again).</summary>
internal sealed class OrderReviewsHandler(IReviewsStore store, TimeProvider clock) : IRequestHandler<GetOrderReviews, IReadOnlyList<SubOrderReviews>>
{
    public async Task<IReadOnlyList<SubOrderReviews>> Handle(GetOrderReviews query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var reviewables = await session.Query<Reviewable>().Where(r => r.OrderId == query.OrderId && r.ShopperId == query.ShopperId).ToListAsync(ct);
        if (reviewables.Count == 0) return [];
        var reviews = (await session.Query<Review>().Where(r => r.OrderId == query.OrderId && r.AuthorId == query.ShopperId).ToListAsync(ct))
            .ToLookup(r => r.SubOrderId);
        var now = clock.GetUtcNow();
        return reviewables.Select(r =>
        {
            var until = r.Cancelled ? null : r.DeliveredAt + Reviewable.Window;
            return new SubOrderReviews(r.Id, r.CooperativeId, r.ProductIds, until is { } u && now <= u, until,
                reviews[r.Id].OrderBy(x => x.WrittenAt).Select(x => x.ToView(privateParts: true)).ToList());
        }).ToList();
    }
}
