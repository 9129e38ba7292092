using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Reviews.Features;

/// <summary>
/// The administrators' moderation queue: the reviews reported by their cooperative first (most reports, then the oldest
/// report); or every published one, the reported first; or the hidden ones. Without the private messages (the cooperative's alone).
/// </summary>
internal sealed class ModerationQueueHandler(IReviewsStore store) : IRequestHandler<GetModerationQueue, IReadOnlyList<ModerationItem>>
{
    public async Task<IReadOnlyList<ModerationItem>> Handle(GetModerationQueue query, CancellationToken ct)
    {
        if (query.State is not (null or "reported" or "published" or "hidden"))
            throw new ValidationFailed("state", "state is reported (the default), published or hidden.");
        var (p, size) = (Math.Max(1, query.Page ?? 1), Math.Clamp(query.PageSize ?? 50, 1, 200));
        await using var session = store.QuerySession();
        IQueryable<Review> reviews = query.State switch
        {
            "hidden" => session.Query<Review>().Where(r => r.Status == ReviewStatus.Hidden).OrderByDescending(r => r.WrittenAt),
            "published" => session.Query<Review>().Where(r => r.Status == ReviewStatus.Published).OrderByDescending(r => r.Reports)
                .ThenByDescending(r => r.WrittenAt),
            _ => session.Query<Review>().Where(r => r.Reports > 0 && r.Status == ReviewStatus.Published).OrderByDescending(r => r.Reports)
                .ThenBy(r => r.WrittenAt),
        };
        var found = await reviews.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return found.Select(r => new ModerationItem(r.ToView(), r.Reports, r.LastReport, r.ModerationReason)).ToList();
    }
}

internal static class ModerationQueueEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/admin/reviews",
            async (string? state, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetModerationQueue(state, page, pageSize), ct)))
        .RequireAuthorization(Identity.Policies.Admin).WithTags("Reviews")
        .WithSummary("The moderation queue: reported reviews (most reports first), ?state=published (reported first) or ?state=hidden (admin)");
}
