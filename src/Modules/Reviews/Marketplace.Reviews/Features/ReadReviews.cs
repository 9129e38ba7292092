using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Reviews.Features;

/// <summary>
/// A product's published reviews, or a cooperative's (of itself), newest first, with their average: a product's of all time,
/// a cooperative's of the last 12 months; its staff also read the private messages. For the cooperative's space, all its
/// reviews (products and itself, published or hidden).
/// </summary>
internal sealed class ReadReviewsHandler(IReviewsStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<GetProductReviews, ReviewPage>,
    IRequestHandler<GetCooperativeReviews, ReviewPage>, IRequestHandler<GetReviewsForCooperativeStaff, ReviewPage>
{
    public async Task<ReviewPage> Handle(GetProductReviews query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var all = await session.Query<Review>().Where(r => r.ProductId == query.ProductId && r.Status == ReviewStatus.Published).ToListAsync(ct);
        return PageOf(all, query.Page, query.PageSize, privateParts: false);
    }

    public async Task<ReviewPage> Handle(GetCooperativeReviews query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var since = clock.GetUtcNow().AddMonths(-12);
        var all = await session.Query<Review>()
            .Where(r => r.CooperativeId == query.CooperativeId && r.ProductId == null && r.Status == ReviewStatus.Published).ToListAsync(ct);
        var staff = query.ViewerId is { } viewer && await mediator.IsStaffAsync(query.CooperativeId, viewer, ct);
        return PageOf(all, query.Page, query.PageSize, staff) with { Rating = ReviewDecisions.RatingOf(all.Where(r => r.WrittenAt >= since)) };
    }

    public async Task<ReviewPage> Handle(GetReviewsForCooperativeStaff query, CancellationToken ct)
    {
        if (!await mediator.IsStaffAsync(query.CooperativeId, query.UserId, ct)) throw new Forbidden("Only the cooperative's staff read all its reviews.");
        await using var session = store.QuerySession();
        var all = await session.Query<Review>().Where(r => r.CooperativeId == query.CooperativeId && r.Status != ReviewStatus.Withdrawn).ToListAsync(ct);
        return PageOf(all, query.Page, query.PageSize, privateParts: true);
    }

    private static ReviewPage PageOf(IReadOnlyList<Review> all, int? page, int? pageSize, bool privateParts)
    {
        var (p, size) = (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100));
        return new ReviewPage(ReviewDecisions.RatingOf(all), all.OrderByDescending(r => r.WrittenAt).Skip((p - 1) * size).Take(size)
            .Select(r => r.ToView(privateParts)).ToList(), all.Count, p, size);
    }
}

internal static class ReadReviewsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products/{id:guid}/reviews", async (Guid id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProductReviews(id, page, pageSize), ct)))
            .AllowAnonymous().WithTags("Reviews").WithSummary("A product's published reviews, newest first, with {rating: {average, count}} (anyone)");
        app.MapGet("/api/cooperatives/{id:guid}/reviews", async (Guid id, int? page, int? pageSize, ClaimsPrincipal user, IMediator mediator,
                    CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetCooperativeReviews(id, user.ViewerId(), page, pageSize), ct)))
            .AllowAnonymous().WithTags("Reviews").WithSummary("A cooperative's published reviews, newest first, with its rating of the last 12 months (anyone)");
    }
}
