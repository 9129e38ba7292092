using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Payouts.Features.Balance;

/// <summary>A cooperative's money is seen by its staff and by administrators only (asked of the Cooperatives module).</summary>
internal static class CooperativeMoney
{
    public static async Task EnsureCanSeeAsync(this IMediator mediator, Guid cooperativeId, ClaimsPrincipal user, CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, user.UserId()), ct)
            ?? throw new NotFound("The cooperative");
        if (!access.IsStaff && !user.IsAdmin())
            throw new Forbidden("Only the cooperative's staff and administrators see its money.");
    }
}
