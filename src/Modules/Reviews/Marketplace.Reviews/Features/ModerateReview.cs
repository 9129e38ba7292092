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

/// <summary>The reviewed cooperative's staff reply once (publicly) or report a review with a reason; administrators hide or restore it with a reason.</summary>
internal static class ModerateReviewEndpoints
{
    internal sealed record TextBody(string? Text);

    internal sealed record ReasonBody(string? Reason);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reviews/{id:guid}/reply", async (Guid id, TextBody? body, ClaimsPrincipal user, IReviewsStore store, IMediator mediator,
                    TimeProvider clock, CancellationToken ct) =>
                {
                    var staff = await StaffOfAsync(store, mediator, id, user.UserId(), ct);
                    return TypedResults.Ok(ReviewView.Of(await store.UpdateAsync(id, r => ReviewDecisions.Reply(r, staff, user.UserId(), body?.Text,
                        clock.GetUtcNow()), ct), privateParts: true));
                })
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews").WithSummary("Reply once to a review {text} (the reviewed cooperative's staff)");
        app.MapPost("/api/reviews/{id:guid}/report", async (Guid id, ReasonBody? body, ClaimsPrincipal user, IReviewsStore store, IMediator mediator,
                    TimeProvider clock, CancellationToken ct) =>
                {
                    var staff = await StaffOfAsync(store, mediator, id, user.UserId(), ct);
                    return TypedResults.Ok(ReviewView.Of(await store.UpdateAsync(id, r => ReviewDecisions.Report(r, staff, user.UserId(), body?.Reason,
                        clock.GetUtcNow()), ct), privateParts: true));
                })
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews").WithSummary("Report a review to the administrators {reason} (the reviewed cooperative's staff)");
        var admin = app.MapGroup("/api/admin/reviews").RequireAuthorization(Identity.Policies.Admin).WithTags("Reviews");
        admin.MapPost("/{id:guid}/hide", async (Guid id, ReasonBody? body, ClaimsPrincipal user, IReviewsStore store, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(ReviewView.Of(await store.UpdateAsync(id, r => ReviewDecisions.Hide(r, user.UserId(), body?.Reason, clock.GetUtcNow()), ct),
                    privateParts: true)))
            .WithSummary("Hide a review {reason}: it leaves the pages and the averages (admin)");
        admin.MapPost("/{id:guid}/restore", async (Guid id, ReasonBody? body, ClaimsPrincipal user, IReviewsStore store, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(ReviewView.Of(await store.UpdateAsync(id, r => ReviewDecisions.Restore(r, user.UserId(), body?.Reason, clock.GetUtcNow()), ct),
                    privateParts: true)))
            .WithSummary("Restore a hidden review {reason} (admin)");
    }

    /// <summary>Whether the caller works for the reviewed cooperative (NotFound for an unknown review).</summary>
    private static async Task<bool> StaffOfAsync(IReviewsStore store, IMediator mediator, Guid reviewId, Guid userId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var review = await session.LoadAsync<Review>(reviewId, ct) ?? throw new NotFound("The review");
        return (await mediator.Send(new GetCooperativeAccess(review.CooperativeId, userId), ct))?.IsStaff == true;
    }
}
