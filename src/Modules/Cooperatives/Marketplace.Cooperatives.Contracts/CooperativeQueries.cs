using MediatR;

namespace Marketplace.Cooperatives.Contracts;

/// <summary>Cooperative statuses as the API spells them.</summary>
public static class CooperativeStatus
{
    public const string Pending = "pending";
    public const string Verified = "verified";
    public const string Suspended = "suspended";
}

/// <summary>
/// What user <see cref="UserId"/> may do for cooperative <see cref="CooperativeId"/>; null when the cooperative does not exist.
/// Other modules check "is U staff of C?" and "is C verified?" with it; nothing of it is kept in tokens.
/// </summary>
public sealed record GetCooperativeAccess(Guid CooperativeId, Guid UserId) : IRequest<CooperativeAccess?>;

/// <param name="Status">pending, verified or suspended (<see cref="CooperativeStatus"/>).</param>
/// <param name="IsOwner">the user owns it (and is staff).</param>
/// <param name="IsStaff">the user works for it (owners included).</param>
public sealed record CooperativeAccess(Guid CooperativeId, string Status, bool IsOwner, bool IsStaff)
{
    public bool IsVerified => Status == CooperativeStatus.Verified;
}

/// <summary>Names, province and status of cooperatives, for listings and orders; unknown ids are left out.</summary>
public sealed record GetCooperativeSummaries(IReadOnlyList<Guid> CooperativeIds) : IRequest<IReadOnlyList<CooperativeSummary>>;

/// <param name="Name">by language: "ar", "fr", "en", "zgh".</param>
/// <param name="Province">a province code, such as "taroudant".</param>
public sealed record CooperativeSummary(Guid Id, IReadOnlyDictionary<string, string> Name, string Province, string Status);

/// <summary>The delivery fee rules of cooperatives, for checkout. A cooperative that set none has no fee.</summary>
public sealed record GetShippingPolicies(IReadOnlyList<Guid> CooperativeIds) : IRequest<IReadOnlyList<ShippingPolicy>>;

/// <summary>A flat fee per sub-order, waived when the sub-order's items reach <see cref="FreeAbove"/> (if set). Amounts in <see cref="Currency"/>.</summary>
public sealed record ShippingPolicy(Guid CooperativeId, decimal FlatFee, decimal? FreeAbove, string Currency = "MAD")
{
    /// <summary>The delivery fee of a sub-order whose items come to <paramref name="itemsSubtotal"/>: waived when they reach <see cref="FreeAbove"/>.</summary>
    public decimal FeeFor(decimal itemsSubtotal) => FreeAbove is { } threshold && itemsSubtotal >= threshold ? 0.00m : FlatFee;
}

/// <summary>Where a cooperative's payouts go, for the Payouts module; null when it has set no account.</summary>
public sealed record GetPayoutAccount(Guid CooperativeId) : IRequest<PayoutAccount?>;

/// <param name="Method">"bank_transfer" or "stripe_connect".</param>
/// <param name="Rib">24 digits, for bank transfers.</param>
/// <param name="StripeAccountId">acct_..., for Stripe Connect.</param>
/// <param name="OnHoldUntil">a changed account holds payouts for 48 hours (anti-fraud); null when not on hold.</param>
public sealed record PayoutAccount(Guid CooperativeId, string Method, string? Rib, string? StripeAccountId, DateTimeOffset? OnHoldUntil)
{
    public bool IsOnHoldAt(DateTimeOffset now) => OnHoldUntil is { } until && until > now;
}

/// <summary>How to reach cooperatives (for notifications): their staff's accounts, contact e-mail and phone; unknown ids are left out.</summary>
public sealed record GetCooperativeContacts(IReadOnlyList<Guid> CooperativeIds) : IRequest<IReadOnlyList<CooperativeContact>>;

/// <param name="Name">by language.</param>
/// <param name="StaffIds">the accounts of its owner and staff.</param>
public sealed record CooperativeContact(Guid Id, IReadOnlyDictionary<string, string> Name, string ContactEmail, string Phone,
    IReadOnlyList<Guid> StaffIds);
