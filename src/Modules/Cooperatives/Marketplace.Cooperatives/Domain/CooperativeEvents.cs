using Marketplace.BuildingBlocks;

namespace Marketplace.Cooperatives.Domain;

// The events of a cooperative's stream. Each says who did it (By, a user id) and when (At): together they are
// the audit trail that administrators and the cooperative's staff read.

[EventName("cooperatives.cooperative_applied")]
internal sealed record CooperativeApplied(Guid CooperativeId, Guid OwnerId, Dictionary<string, string> Name,
    Dictionary<string, string> Description, string RegistrationNumber, string Province, List<string> Sectors,
    string ContactEmail, string Phone, DateTimeOffset At, string? Invitation = null) : IDomainEvent;

[EventName("cooperatives.cooperative_verified")]
internal sealed record CooperativeVerified(Guid CooperativeId, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("cooperatives.cooperative_suspended")]
internal sealed record CooperativeSuspended(Guid CooperativeId, string? Reason, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("cooperatives.cooperative_reinstated")]
internal sealed record CooperativeReinstated(Guid CooperativeId, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("cooperatives.staff_added")]
internal sealed record StaffAdded(Guid CooperativeId, Guid UserId, string Email, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("cooperatives.staff_removed")]
internal sealed record StaffRemoved(Guid CooperativeId, Guid UserId, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("cooperatives.member_added")]
internal sealed record MemberAdded(Guid CooperativeId, Guid MemberId, string FullName, string Role, DateOnly JoinedOn,
    string? Gender, int? SharesSubscribed, Guid By, DateTimeOffset At, string? Phone = null, Guid? UserId = null, string? UserEmail = null) : IDomainEvent;

[EventName("cooperatives.member_updated")]
internal sealed record MemberUpdated(Guid CooperativeId, Guid MemberId, string FullName, string Role, DateOnly JoinedOn,
    string? Gender, int? SharesSubscribed, Guid By, DateTimeOffset At, string? Phone = null, Guid? UserId = null, string? UserEmail = null) : IDomainEvent;

[EventName("cooperatives.member_left")]
internal sealed record MemberLeft(Guid CooperativeId, Guid MemberId, DateOnly LeftOn, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("cooperatives.shipping_policy_set")]
internal sealed record ShippingPolicySet(Guid CooperativeId, Money FlatFee, Money? FreeAbove, Guid By, DateTimeOffset At) : IDomainEvent;

/// <param name="OnHoldUntil">a change of an existing account holds payouts until then (anti-fraud); null for the first one.</param>
[EventName("cooperatives.payout_account_set")]
internal sealed record PayoutAccountSet(Guid CooperativeId, string Method, string? Rib, string? StripeAccountId,
    DateTimeOffset? OnHoldUntil, Guid By, DateTimeOffset At) : IDomainEvent;

/// <param name="VatRate">null: exempt from VAT (most cooperatives: CGI art. 91); else the rate included in its prices.</param>
[EventName("cooperatives.tax_identity_set")]
internal sealed record TaxIdentitySet(Guid CooperativeId, string Ice, string TaxId, string RegisterNumber, string Address, decimal? VatRate,
    Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>The cooperative says whether women lead it (true, false), or leaves it to its board's register (null).</summary>
[EventName("cooperatives.women_led_declared")]
internal sealed record WomenLedDeclared(Guid CooperativeId, bool? WomenLed, Guid By, DateTimeOffset At) : IDomainEvent;
