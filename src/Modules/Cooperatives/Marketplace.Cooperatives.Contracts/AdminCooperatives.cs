using MediatR;

namespace Marketplace.Cooperatives.Contracts;

// The programme team's side of Cooperatives for the administration pages: the same use cases as
// POST /api/admin/cooperatives/{id}/suspend and /reinstate, GET /api/cooperatives?status= and
// GET /api/cooperatives/{id}/history, with the same rules. The caller checks that the actor is an administrator
// (the pages' folder requires the admin policy). Statuses as in the API: pending, verified, suspended.

/// <summary>
/// An administrator suspends a verified cooperative: its products leave the shop until it is reinstated. Answers the
/// new status ("suspended"). Another status is DomainRuleViolated "illegal_status_change"; a reason over 500
/// characters is ValidationFailed ("Reason").
/// </summary>
public sealed record SuspendCooperative(Guid CooperativeId, Guid AdminId, string? Reason) : IRequest<string>;

/// <summary>An administrator reinstates a suspended cooperative (verified again). Answers the new status ("verified").</summary>
public sealed record ReinstateCooperative(Guid CooperativeId, Guid AdminId) : IRequest<string>;

/// <summary>
/// Cooperatives of one status (all statuses when null), oldest application first, optionally in one province (a code)
/// or matching <paramref name="Q"/> (names, descriptions, registration number; accents aside). Bad filters are
/// ValidationFailed ("Status", "Province").
/// </summary>
public sealed record ListCooperativesForAdmin(string Language, string? Status = null, string? Province = null, string? Q = null,
    int Page = 1, int PageSize = 20) : IRequest<AdminCooperativePage>;

/// <param name="CountsByStatus">how many cooperatives there are of each status (pending, verified, suspended), whatever the filters.</param>
public sealed record AdminCooperativePage(IReadOnlyList<AdminCooperativeItem> Items, long Total, int Page, int PageSize,
    IReadOnlyDictionary<string, int> CountsByStatus);

/// <param name="Name">in the asked language, falling back to another the cooperative has.</param>
/// <param name="ProvinceName">by language.</param>
public sealed record AdminCooperativeItem(Guid Id, string Name, string RegistrationNumber, string Province,
    IReadOnlyDictionary<string, string> ProvinceName, IReadOnlyList<string> Sectors, string Status, DateTimeOffset AppliedAt,
    DateTimeOffset? VerifiedAt, DateTimeOffset? SuspendedAt);

/// <summary>A cooperative as the programme team sees it, whatever its status (NotFound when unknown).</summary>
public sealed record GetCooperativeForAdmin(Guid CooperativeId, string Language) : IRequest<AdminCooperativeProfile>;

/// <param name="Names">every language it has; <paramref name="Name"/> is the asked one (or a fallback).</param>
/// <param name="SuspensionReason">the reason given when it was last suspended, while it is suspended.</param>
/// <param name="StaffCount">people who manage it on the platform (owner included).</param>
/// <param name="PayoutMethod">"bank_transfer" or "stripe_connect"; null when it set no payout account.</param>
public sealed record AdminCooperativeProfile(Guid Id, string Name, IReadOnlyDictionary<string, string> Names, string Description,
    string RegistrationNumber, string Province, IReadOnlyDictionary<string, string> ProvinceName, IReadOnlyList<string> Sectors,
    string ContactEmail, string Phone, string Status, DateTimeOffset AppliedAt, DateTimeOffset? VerifiedAt, DateTimeOffset? SuspendedAt,
    string? SuspensionReason, int StaffCount, MemberFigures Members, string? PayoutMethod);

/// <summary>Current members (those who have not left).</summary>
/// <param name="ByRole">president, vice_president, treasurer, secretary, member (every role, 0 included).</param>
/// <param name="ByGender">female, male, unspecified.</param>
public sealed record MemberFigures(int Current, IReadOnlyDictionary<string, int> ByRole, IReadOnlyDictionary<string, int> ByGender);

/// <summary>The audit trail of a cooperative, oldest first: every change, who made it and when (NotFound when unknown).</summary>
public sealed record GetCooperativeHistoryForAdmin(Guid CooperativeId, Guid AdminId, int Page = 1, int PageSize = 50)
    : IRequest<CooperativeHistoryPage>;

public sealed record CooperativeHistoryPage(IReadOnlyList<CooperativeHistoryEntry> Items, long Total, int Page, int PageSize);

/// <param name="Action">applied, verified, suspended, reinstated, staff_added, staff_removed, member_added, member_updated,
/// member_left, shipping_policy_set, payout_account_set.</param>
/// <param name="ByName">the display name of who did it, when known.</param>
/// <param name="Details">what changed, as text (never a payout account's number), such as "reason" of a suspension.</param>
public sealed record CooperativeHistoryEntry(long Version, string Action, DateTimeOffset At, Guid By, string? ByName,
    IReadOnlyDictionary<string, string> Details);

/// <summary>The programme's figures: cooperatives by status and province, and their current members.</summary>
public sealed record GetCooperativeFigures : IRequest<CooperativeFigures>;

/// <param name="ByStatus">pending, verified, suspended.</param>
/// <param name="ByProvince">every province of the region, in the region's order.</param>
/// <param name="Members">current members of verified cooperatives.</param>
public sealed record CooperativeFigures(int Total, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<ProvinceFigures> ByProvince,
    MemberFigures Members);

/// <param name="Name">by language.</param>
public sealed record ProvinceFigures(string Province, IReadOnlyDictionary<string, string> Name, int Pending, int Verified, int Suspended,
    int Members);
