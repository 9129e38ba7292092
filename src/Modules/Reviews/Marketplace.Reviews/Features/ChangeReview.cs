using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Reviews.Features;

/// <summary>Its author edits a review (stars, text) or withdraws it (it leaves the pages and the averages).</summary>
internal static class ChangeReviewEndpoints
{
    internal sealed record Body(int? Rating, string? Text);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPut("/api/reviews/{id:guid}", async (Guid id, Body? body, ClaimsPrincipal user, IReviewsStore store, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(ReviewView.Of(await store.UpdateAsync(id, r => ReviewDecisions.Edit(r, user.UserId(), body?.Rating ?? 0, body?.Text,
                    clock.GetUtcNow()), ct), privateParts: true)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews").WithSummary("Edit my review {rating, text?} (its author)");
        app.MapDelete("/api/reviews/{id:guid}", async (Guid id, ClaimsPrincipal user, IReviewsStore store, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(ReviewView.Of(await store.UpdateAsync(id, r => ReviewDecisions.Withdraw(r, user.UserId(), clock.GetUtcNow()), ct),
                    privateParts: true)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Reviews").WithSummary("Withdraw my review (its author)");
    }
}
