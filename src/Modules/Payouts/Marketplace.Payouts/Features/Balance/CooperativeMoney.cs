using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Payouts.Features.Balance;

/// <summary>A cooperative's money is seen by its staff and by administrators only (asked of the Cooperatives module).</summary>
internal static class CooperativeMoney
{
    public static Task EnsureCanSeeAsync(this IMediator mediator, Guid cooperativeId, ClaimsPrincipal user, CancellationToken ct) =>
        mediator.EnsureCanSeeAsync(cooperativeId, user.UserId(), user.IsAdmin(), ct);

    /// <summary>The same rule for a viewer known by id (the cooperative space's requests).</summary>
    public static async Task EnsureCanSeeAsync(this IMediator mediator, Guid cooperativeId, Guid viewerId, bool viewerIsAdmin, CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, viewerId), ct)
            ?? throw new NotFound("The cooperative");
        if (!access.IsStaff && !viewerIsAdmin)
            throw new Forbidden("Only the cooperative's staff and administrators see its money.");
    }
}
