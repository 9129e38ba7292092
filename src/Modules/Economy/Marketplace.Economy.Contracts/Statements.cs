using MediatR;

namespace Marketplace.Economy.Contracts;

/// <summary>
/// A member's statement from <paramref name="From"/> to <paramref name="To"/> (yyyy-MM-dd, both included; the current year
/// to today by default): for the cooperative's staff and for the member herself (her linked account), nobody else.
/// </summary>
public sealed record GetMemberStatement(Guid CooperativeId, Guid ViewerId, Guid MemberId, string? From, string? To) : IRequest<MemberStatement>;

/// <param name="Opening">what the cooperative owed her the day before <paramref name="From"/> (negative: an advance to cover).</param>
/// <param name="Closing">opening + supplies + surplus shares - payments: what it owes her at the end of <paramref name="To"/>.</param>
public sealed record MemberStatement(Guid CooperativeId, IReadOnlyDictionary<string, string> CooperativeName, Guid MemberId, string FullName,
    DateOnly From, DateOnly To, MoneyValue Opening, IReadOnlyList<SupplyEntry> Supplies, IReadOnlyList<PaymentEntry> Payments,
    IReadOnlyList<SurplusShareEntry> SurplusShares, MoneyValue SuppliesTotal, MoneyValue PaymentsTotal, MoneyValue SurplusTotal, MoneyValue Closing);

/// <param name="SuppliesValue">the value of her supplies in the financial year, on which the share was computed.</param>
public sealed record SurplusShareEntry(Guid AssemblyId, DateOnly Date, int FinancialYear, MoneyValue SuppliesValue, MoneyValue Amount);

/// <summary>The members with what the cooperative owes each (staff only), and the total owed.</summary>
public sealed record GetMemberBalances(Guid CooperativeId, Guid ViewerId) : IRequest<MemberBalances>;

public sealed record MemberBalances(IReadOnlyList<MemberBalance> Members, MoneyValue TotalOwed, MoneyValue TotalAdvanced);

/// <param name="Balance">what the cooperative owes her now (negative: an advance not yet covered by supplies).</param>
public sealed record MemberBalance(Guid MemberId, string FullName, string Role, bool IsCurrent, int Shares, bool HasAccount,
    MoneyValue Supplied, MoneyValue Paid, MoneyValue Surplus, MoneyValue Balance, DateOnly? LastSupply);

/// <summary>The memberships of the signed-in user, with her balance in each: her own view.</summary>
public sealed record GetMyMemberships(Guid UserId) : IRequest<IReadOnlyList<MyMembership>>;

public sealed record MyMembership(Guid CooperativeId, IReadOnlyDictionary<string, string> CooperativeName, Guid MemberId, string FullName,
    MoneyValue Balance);
