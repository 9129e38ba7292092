using System.Net;
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

/// <summary>
/// Register a shopper account (the API's POST /api/accounts/register and the sign-up page), from the client's address
/// (registrations a minute per address are limited: 429; null: the platform's own call, as for demo data). Answers the new id.
/// </summary>
/// <param name="Language">the language of the page or request it registered from ("ar", "fr", "en", "zgh"): its e-mails' language.</param>
public sealed record RegisterUser(string? Email, string? Password, string? DisplayName, IPAddress? ClientAddress, string? Language = null)
    : IRequest<Guid>;

/// <summary>
/// Check an e-mail and password (the sign-in page) from the client's address, with the same limits as the API: refused
/// with 401 for wrong credentials, 403 for a suspended account, 429 while the address or the e-mail from that address
/// has to wait. Answers who signed in.
/// </summary>
public sealed record SignInWithPassword(string? Email, string? Password, IPAddress? ClientAddress) : IRequest<SignedInUser>;

/// <param name="Roles">platform roles: "shopper", "admin".</param>
/// <param name="Stamp">the account's security stamp, for the session to carry.</param>
public sealed record SignedInUser(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string Stamp);
