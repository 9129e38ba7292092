using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Cooperatives.Integration;

internal sealed class GetCooperativesOfUserHandler : IRequestHandler<GetCooperativesOfUser, IReadOnlyList<Guid>>
{
    // Foundation: no cooperative exists until the Cooperatives module (issue 3) lands its application flow.
    public Task<IReadOnlyList<Guid>> Handle(GetCooperativesOfUser query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Guid>>([]);
}
