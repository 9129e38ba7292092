using MediatR;

namespace Marketplace.Cooperatives.Contracts;

/// <summary>The ids of the cooperatives a user works for (as owner or staff).</summary>
public sealed record GetCooperativesOfUser(Guid UserId) : IRequest<IReadOnlyList<Guid>>;
