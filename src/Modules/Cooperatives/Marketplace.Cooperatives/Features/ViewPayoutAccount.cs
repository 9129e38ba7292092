using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>The payout account, for the owner and administrators only; 404 while none is set.</summary>
internal sealed record ViewPayoutAccount(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin) : IRequest<PayoutAccountView>;

internal sealed class ViewPayoutAccountHandler(ICooperativesStore store, TimeProvider clock) : IRequestHandler<ViewPayoutAccount, PayoutAccountView>
{
    public async Task<PayoutAccountView> Handle(ViewPayoutAccount query, CancellationToken ct)
    {
        var cooperative = await store.LoadAsync(query.CooperativeId, ct);
        Access.RequireOwnerOrAdmin(cooperative, query.ViewerId, query.ViewerIsAdmin);
        return cooperative.Payout is { } payout ? PayoutAccountView.Of(payout, clock.GetUtcNow()) : throw new NotFound("The payout account");
    }
}

internal static class ViewPayoutAccountEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/payout-account",
            async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ViewPayoutAccount(id, user.UserId(), user.IsAdmin()), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Where payouts go (owner and administrators)");
}

