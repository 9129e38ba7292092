using MediatR;

namespace Marketplace.Accounts.Contracts;

/// <summary>A registered user, as other modules may see them.</summary>
public sealed record UserSummary(Guid Id, string Email, string DisplayName);

/// <summary>The registered user with this e-mail (case and spaces do not matter), or null.</summary>
public sealed record FindUserByEmail(string Email) : IRequest<UserSummary?>;

/// <summary>The registered users with these ids; unknown ids are left out.</summary>
public sealed record GetUsers(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<UserSummary>>;

/// <summary>
/// The user with this e-mail, registered now as a shopper if there is none (the password is then set).
/// For loading demo data through the same rules as registration; answers the user's id.
/// </summary>
public sealed record EnsureUser(string Email, string Password, string DisplayName) : IRequest<Guid>;
