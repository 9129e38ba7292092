using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Reviews.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Reviews.Features;

/// <summary>
/// A product's published reviews, or a cooperative's (of itself), newest first, with their average: a product's of all time,
/// a cooperative's of the last 12 months. Its staff also read the private messages.
/// </summary>
internal static class ReadReviewsEndpoints
{
    internal sealed record ReviewPage(Rating Rating, IReadOnlyList<ReviewView> Items, int Total, int Page, int PageSize);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products/{id:guid}/reviews", async (Guid id, int? page, int? pageSize, IReviewsStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var all = await session.Query<Review>().Where(r => r.ProductId == id && r.Status == ReviewStatus.Published).ToListAsync(ct);
                return TypedResults.Ok(PageOf(all, page, pageSize, privateParts: false));
            })
            .AllowAnonymous().WithTags("Reviews").WithSummary("A product's published reviews, newest first, with {rating: {average, count}} (anyone)");
        app.MapGet("/api/cooperatives/{id:guid}/reviews", async (Guid id, int? page, int? pageSize, ClaimsPrincipal user, IReviewsStore store,
                IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var since = clock.GetUtcNow().AddMonths(-12);
                var all = await session.Query<Review>().Where(r => r.CooperativeId == id && r.ProductId == null && r.Status == ReviewStatus.Published)
                    .ToListAsync(ct);
                var staff = user.ViewerId() is { } viewer && (await mediator.Send(new GetCooperativeAccess(id, viewer), ct))?.IsStaff == true;
                return TypedResults.Ok(PageOf(all, page, pageSize, staff) with { Rating = ReviewDecisions.RatingOf(all.Where(r => r.WrittenAt >= since)) });
            })
            .AllowAnonymous().WithTags("Reviews").WithSummary("A cooperative's published reviews, newest first, with its rating of the last 12 months (anyone)");
    }

    private static ReviewPage PageOf(IReadOnlyList<Review> all, int? page, int? pageSize, bool privateParts)
    {
        var (p, size) = (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100));
        return new ReviewPage(ReviewDecisions.RatingOf(all), all.OrderByDescending(r => r.WrittenAt).Skip((p - 1) * size).Take(size)
            .Select(r => ReviewView.Of(r, privateParts)).ToList(), all.Count, p, size);
    }
}
