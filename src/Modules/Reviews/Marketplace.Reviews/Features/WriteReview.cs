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
/// The shopper of a delivered sub-order reviews a product line of it, or (no productId) its cooperative: once each, within
/// 100 days of delivery. Two at once for the same line: one is written, the other is a 409.
/// </summary>
internal sealed class WriteReviewHandler(IReviewsStore store, TimeProvider clock) : IRequestHandler<WriteReview, ReviewView>
{
    public async Task<ReviewView> Handle(WriteReview cmd, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var reviewable = await session.LoadAsync<Reviewable>(cmd.SubOrderId, ct);
        if (reviewable is null || reviewable.OrderId != cmd.OrderId) throw new NotFound("The sub-order");
        var reviewId = ReviewDecisions.IdOf(cmd.SubOrderId, cmd.ProductId);
        var existing = await session.LoadAsync<Review>(reviewId, ct);
        var events = ReviewDecisions.Write(reviewable, existing, cmd.AuthorId, cmd.ProductId, cmd.Rating ?? 0, cmd.Text, cmd.Message, clock.GetUtcNow(),
            cmd.PageLanguage);
        session.Events.StartStream<Review>(reviewId, events.Cast<object>().ToArray());
        try { await session.SaveChangesAsync(ct); }
        catch (Exception e) when (e.IsWriteConflict())
        {
            throw new DomainRuleViolated("already_reviewed", "It has a review already: edit it instead.");
        }
        var review = new Review();
        foreach (var e in events) review.Then(e);
        return review.ToView(privateParts: true);
    }
}

internal static class WriteReviewEndpoint
{
    internal sealed record Body(Guid? ProductId, int? Rating, string? Text, string? Message);

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/orders/{id:guid}/sub-orders/{subOrderId:guid}/reviews",
            async (Guid id, Guid subOrderId, Body? body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var review = await mediator.Send(new WriteReview(id, subOrderId, user.UserId(), body?.ProductId, body?.Rating, body?.Text, body?.Message,
                    Language.Of(http)), ct);
                return TypedResults.Created($"/api/reviews/{review.Id}", review);
            })
        .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews")
        .WithSummary("Review a delivered sub-order's product {productId, rating 1..5, text?, message?} or, without productId, its cooperative (its shopper)");
}
