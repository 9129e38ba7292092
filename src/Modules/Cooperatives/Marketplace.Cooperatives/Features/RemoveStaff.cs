using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>The owner removes someone from the staff; the owner stays.</summary>
internal sealed record RemoveStaff(Guid CooperativeId, Guid OwnerId, Guid UserId) : IRequest<Unit>;

internal sealed class RemoveStaffHandler(ICooperativesStore store, TimeProvider clock) : IRequestHandler<RemoveStaff, Unit>
{
    public async Task<Unit> Handle(RemoveStaff cmd, CancellationToken ct)
    {
        await store.UpdateAsync(cmd.CooperativeId, c => Management.RemoveStaff(c, cmd.OwnerId, cmd.UserId, clock.GetUtcNow()), ct);
        return Unit.Value;
    }
}

internal static class RemoveStaffEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapDelete("/{id:guid}/staff/{userId:guid}",
            async (Guid id, Guid userId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveStaff(id, user.UserId(), userId), ct);
                return TypedResults.NoContent();
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Remove someone from the staff (owner only)");
}
