using MediatR;

namespace Marketplace.Accounts.Contracts;

/// <summary>An account as administrators manage it.</summary>
public sealed record ManagedUser(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Suspended,
    DateTimeOffset RegisteredAt, DateTimeOffset? SuspendedAt);

public sealed record ManagedUsers(IReadOnlyList<ManagedUser> Items, long Total, int Page, int PageSize);

/// <summary>Accounts whose e-mail or name contains <paramref name="Q"/> (all when empty), newest first.</summary>
public sealed record ListUsers(string? Q, int Page, int PageSize) : IRequest<ManagedUsers>;

/// <summary>One account as administrators see it, or null.</summary>
public sealed record GetManagedUser(Guid UserId) : IRequest<ManagedUser?>;

/// <summary>
/// Set an account's platform roles ("shopper", always kept, and "admin"). An administrator cannot take their own admin
/// role away (409), so the platform never loses its last administrator by a slip. Takes effect on the user's next request.
/// </summary>
public sealed record SetUserRoles(Guid UserId, IReadOnlyList<string>? Roles, Guid AdminId) : IRequest<ManagedUser>;

/// <summary>Suspend an account (not one's own: 409): it cannot sign in and its sessions end at their next request.</summary>
public sealed record SuspendUser(Guid UserId, Guid AdminId) : IRequest<ManagedUser>;

/// <summary>Lift an account's suspension: it signs in again.</summary>
public sealed record ReinstateUser(Guid UserId, Guid AdminId) : IRequest<ManagedUser>;
