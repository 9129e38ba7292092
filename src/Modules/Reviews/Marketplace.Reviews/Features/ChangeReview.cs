using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Reviews.Features;

/// <summary>Its author edits a review (stars, text) or withdraws it (it leaves the pages and the averages).</summary>
internal sealed class ChangeReviewHandler(IReviewsStore store, TimeProvider clock) : IRequestHandler<EditReview, ReviewView>,
    IRequestHandler<WithdrawReview, ReviewView>
{
    public async Task<ReviewView> Handle(EditReview cmd, CancellationToken ct) => (await store.UpdateAsync(cmd.ReviewId,
        r => ReviewDecisions.Edit(r, cmd.AuthorId, cmd.Rating ?? 0, cmd.Text, clock.GetUtcNow(), cmd.PageLanguage), ct)).ToView(privateParts: true);

    public async Task<ReviewView> Handle(WithdrawReview cmd, CancellationToken ct) => (await store.UpdateAsync(cmd.ReviewId,
        r => ReviewDecisions.Withdraw(r, cmd.AuthorId, clock.GetUtcNow()), ct)).ToView(privateParts: true);
}

internal static class ChangeReviewEndpoints
{
    internal sealed record Body(int? Rating, string? Text);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPut("/api/reviews/{id:guid}", async (Guid id, Body? body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EditReview(id, user.UserId(), body?.Rating, body?.Text, Language.Of(http)), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews").WithSummary("Edit my review {rating, text?} (its author)");
        app.MapDelete("/api/reviews/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WithdrawReview(id, user.UserId()), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews").WithSummary("Withdraw my review (its author)");
    }
}
