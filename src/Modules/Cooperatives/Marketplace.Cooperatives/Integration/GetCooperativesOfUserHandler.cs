using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marten;
using MediatR;

namespace Marketplace.Cooperatives.Integration;

/// <summary>The cooperatives a user works for, as owner or staff, whatever their status (oldest first).</summary>
internal sealed class GetCooperativesOfUserHandler(ICooperativesStore store) : IRequestHandler<GetCooperativesOfUser, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(GetCooperativesOfUser query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var ids = await session.Query<Cooperative>().Where(c => c.StaffIds.Contains(query.UserId))
            .OrderBy(c => c.AppliedAt).Select(c => c.Id).ToListAsync(ct);
        return ids.ToList();
    }
}
