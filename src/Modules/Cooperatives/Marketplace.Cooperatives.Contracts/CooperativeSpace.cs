using MediatR;

namespace Marketplace.Cooperatives.Contracts;

// What the cooperative space (its staff's web pages) asks of and tells the Cooperatives module. The same rules as the
// HTTP API apply (the handlers send the module's own use cases): staff only, owner only where API.md says so; an
// unknown cooperative is NotFound, a stranger Forbidden, bad input ValidationFailed with the API's field names.

/// <summary>The cooperative's members (current ones first, then those who left), with counts of current members. Staff and administrators.</summary>
public sealed record GetCooperativeMembers(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin = false, int Page = 1, int PageSize = 100)
    : IRequest<CooperativeMemberList>;

/// <summary>One member of the cooperative (NotFound when it has no such member). Staff and administrators.</summary>
public sealed record GetCooperativeMember(Guid CooperativeId, Guid ViewerId, Guid MemberId, bool ViewerIsAdmin = false)
    : IRequest<CooperativeMember>;

/// <param name="Role">president, vice_president, treasurer, secretary or member (<see cref="CooperativeMemberRoles"/>).</param>
/// <param name="Gender">female, male, or null when not given.</param>
/// <param name="Phone">E.164 ("+212612345678"), or null.</param>
/// <param name="UserEmail">the e-mail of her platform account, with which she reads her statement; null when none is linked.</param>
public sealed record CooperativeMember(Guid Id, string FullName, string Role, DateOnly JoinedOn, DateOnly? LeftOn, string? Gender,
    int? SharesSubscribed, bool IsCurrent, string? Phone = null, string? UserEmail = null);

/// <param name="ByRole">current members by role (every role, 0 included).</param>
/// <param name="ByGender">current members by gender: female, male, unspecified.</param>
public sealed record CooperativeMemberCounts(int Current, int Left, IReadOnlyDictionary<string, int> ByRole,
    IReadOnlyDictionary<string, int> ByGender, long SharesSubscribed);

public sealed record CooperativeMemberList(IReadOnlyList<CooperativeMember> Items, long Total, int Page, int PageSize,
    CooperativeMemberCounts Counts);

/// <summary>
/// Staff record a member. <paramref name="JoinedOn"/> is yyyy-MM-dd; <paramref name="UserEmail"/> links her registered account
/// (so that she reads her statement). Errors name the fields fullName, role, joinedOn, gender, sharesSubscribed, phone, userEmail.
/// </summary>
public sealed record AddCooperativeMember(Guid CooperativeId, Guid ActorId, string? FullName, string? Role, string? JoinedOn,
    string? Gender, int? SharesSubscribed, string? Phone = null, string? UserEmail = null) : IRequest<CooperativeMember>;

/// <summary>Staff correct a member's details (an empty <paramref name="UserEmail"/> unlinks her account).</summary>
public sealed record UpdateCooperativeMember(Guid CooperativeId, Guid ActorId, Guid MemberId, string? FullName, string? Role,
    string? JoinedOn, string? Gender, int? SharesSubscribed, string? Phone = null, string? UserEmail = null) : IRequest<CooperativeMember>;

/// <summary>Staff mark a member as having left on <paramref name="LeftOn"/> (yyyy-MM-dd; today when null). The record stays.</summary>
public sealed record MarkCooperativeMemberLeft(Guid CooperativeId, Guid ActorId, Guid MemberId, string? LeftOn) : IRequest<CooperativeMember>;

public static class CooperativeMemberRoles
{
    public static readonly IReadOnlyList<string> All = ["president", "vice_president", "treasurer", "secretary", "member"];
    public static readonly IReadOnlyList<string> Genders = ["female", "male"];
}

/// <summary>Who works for the cooperative, the owner first. Staff and administrators.</summary>
public sealed record GetCooperativeStaff(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin = false) : IRequest<IReadOnlyList<CooperativeStaffMember>>;

/// <param name="Role">"owner" or "staff".</param>
public sealed record CooperativeStaffMember(Guid UserId, string? Email, string? DisplayName, string Role, DateTimeOffset AddedAt);

/// <summary>The owner adds a registered user by e-mail (ValidationFailed on "email" when nobody is registered with it).</summary>
public sealed record AddCooperativeStaff(Guid CooperativeId, Guid OwnerId, string? Email) : IRequest<CooperativeStaffMember>;

/// <summary>The owner removes someone from the staff; the owner stays.</summary>
public sealed record RemoveCooperativeStaff(Guid CooperativeId, Guid OwnerId, Guid UserId) : IRequest<Unit>;

/// <summary>Where payouts go, for the owner and administrators (Forbidden to other staff); null while none is set.</summary>
public sealed record ViewCooperativePayoutAccount(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin = false) : IRequest<CooperativePayoutAccount?>;

/// <param name="Method">"bank_transfer" or "stripe_connect".</param>
/// <param name="OnHoldUntil">payouts wait until then after a change of account (48 hours); null when the first account was set.</param>
/// <param name="OnHold">the hold lasts now.</param>
public sealed record CooperativePayoutAccount(string Method, string? Rib, string? StripeAccountId, DateTimeOffset SetAt,
    DateTimeOffset? OnHoldUntil, bool OnHold);

/// <summary>
/// The owner sets where payouts go: <c>bank_transfer</c> with a RIB (24 digits with a valid key) or <c>stripe_connect</c> with an
/// account id. A change holds payouts for 48 hours. Errors name the fields method, rib, stripeAccountId.
/// </summary>
public sealed record SetCooperativePayoutAccount(Guid CooperativeId, Guid OwnerId, string? Method, string? Rib, string? StripeAccountId)
    : IRequest<CooperativePayoutAccount>;
