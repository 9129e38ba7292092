using MediatR;

namespace Marketplace.Accounts.Contracts;

/// <summary>A registered user, as other modules may see them.</summary>
public sealed record UserSummary(Guid Id, string Email, string DisplayName);

/// <summary>The registered user with this e-mail (case and spaces do not matter), or null.</summary>
public sealed record FindUserByEmail(string Email) : IRequest<UserSummary?>;

/// <summary>The registered users with these ids; unknown ids are left out.</summary>
public sealed record GetUsers(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<UserSummary>>;
