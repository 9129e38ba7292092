using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Tourism.Features;

internal static class StaffAccess
{
    /// <summary>The caller works for the cooperative (NotFound, Forbidden otherwise); hosts only once verified, when <paramref name="mustBeVerified"/>.</summary>
    public static async Task<CooperativeAccess> RequireStaffAsync(this IMediator mediator, Guid cooperativeId, Guid userId, bool mustBeVerified,
        CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, userId), ct) ?? throw new NotFound("The cooperative");
        if (!access.IsStaff) throw new Forbidden("Only the cooperative's staff can manage its experiences.");
        if (mustBeVerified && !access.IsVerified)
            throw new Forbidden("The cooperative must be verified (and not suspended) before it offers experiences.");
        return access;
    }
}
