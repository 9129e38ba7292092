using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Reviews.Features;

/// <summary>The reviewed cooperative's staff reply once (publicly) or report a review with a reason; administrators hide or restore it with a reason.</summary>
internal sealed class ModerateReviewHandler(IReviewsStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<ReplyToReview, ReviewView>,
    IRequestHandler<ReportReview, ReviewView>, IRequestHandler<ModerateReview, ReviewView>
{
    public async Task<ReviewView> Handle(ReplyToReview cmd, CancellationToken ct)
    {
        var staff = await StaffOfAsync(cmd.ReviewId, cmd.UserId, ct);
        return (await store.UpdateAsync(cmd.ReviewId, r => ReviewDecisions.Reply(r, staff, cmd.UserId, cmd.Text, clock.GetUtcNow()), ct))
            .ToView(privateParts: true);
    }

    public async Task<ReviewView> Handle(ReportReview cmd, CancellationToken ct)
    {
        var staff = await StaffOfAsync(cmd.ReviewId, cmd.UserId, ct);
        return (await store.UpdateAsync(cmd.ReviewId, r => ReviewDecisions.Report(r, staff, cmd.UserId, cmd.Reason, clock.GetUtcNow()), ct))
            .ToView(privateParts: true);
    }

    public async Task<ReviewView> Handle(ModerateReview cmd, CancellationToken ct) => (await store.UpdateAsync(cmd.ReviewId, r => cmd.Hide
        ? ReviewDecisions.Hide(r, cmd.AdminId, cmd.Reason, clock.GetUtcNow())
        : ReviewDecisions.Restore(r, cmd.AdminId, cmd.Reason, clock.GetUtcNow()), ct)).ToView(privateParts: true);

    /// <summary>Whether the caller works for the reviewed cooperative (NotFound for an unknown review).</summary>
    private async Task<bool> StaffOfAsync(Guid reviewId, Guid userId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var review = await session.LoadAsync<Review>(reviewId, ct) ?? throw new NotFound("The review");
        return await mediator.IsStaffAsync(review.CooperativeId, userId, ct);
    }
}

internal static class ModerateReviewEndpoints
{
    internal sealed record TextBody(string? Text);

    internal sealed record ReasonBody(string? Reason);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reviews/{id:guid}/reply", async (Guid id, TextBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReplyToReview(id, user.UserId(), body?.Text), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews").WithSummary("Reply once to a review {text} (the reviewed cooperative's staff)");
        app.MapPost("/api/reviews/{id:guid}/report", async (Guid id, ReasonBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReportReview(id, user.UserId(), body?.Reason), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews")
            .WithSummary("Report a review to the administrators {reason} (the reviewed cooperative's staff)");
        var admin = app.MapGroup("/api/admin/reviews").RequireAuthorization(Identity.Policies.Admin).WithTags("Reviews");
        admin.MapPost("/{id:guid}/hide", async (Guid id, ReasonBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ModerateReview(id, user.UserId(), Hide: true, body?.Reason), ct)))
            .WithSummary("Hide a review {reason}: it leaves the pages and the averages (admin)");
        admin.MapPost("/{id:guid}/restore", async (Guid id, ReasonBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ModerateReview(id, user.UserId(), Hide: false, body?.Reason), ct)))
            .WithSummary("Restore a hidden review {reason} (admin)");
    }
}
