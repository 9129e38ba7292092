using MediatR;

namespace Marketplace.Economy.Contracts;

/// <summary>The cooperative's rules for its members' economy (staff read them; the owner sets them).</summary>
public sealed record GetEconomySettings(Guid CooperativeId, Guid ViewerId) : IRequest<EconomySettings>;

/// <summary>The owner sets the share value and the quorum rule (fractions of the members on the assembly's date, 0 to 1).</summary>
public sealed record SetEconomySettings(Guid CooperativeId, Guid OwnerId, decimal? ShareValue, decimal? OrdinaryQuorum,
    decimal? ExtraordinaryQuorum) : IRequest<EconomySettings>;

/// <param name="ShareValue">the value of one share, as the statutes set it (null until set).</param>
/// <param name="OrdinaryQuorum">part of the members present or represented for an ordinary assembly to deliberate.</param>
public sealed record EconomySettings(MoneyValue? ShareValue, decimal OrdinaryQuorum, decimal ExtraordinaryQuorum);

/// <summary>The annual export for the cooperative's filings (staff): the members' register, the assemblies, the year's totals, as CSV.</summary>
public sealed record GetEconomyExport(Guid CooperativeId, Guid ViewerId, int Year) : IRequest<string>;

/// <summary>Totals per cooperative for the platform's administrators: never a member's own figures.</summary>
public sealed record GetEconomyTotals(DateOnly From, DateOnly To) : IRequest<IReadOnlyList<CooperativeEconomyTotals>>;

/// <param name="MembersPaid">members who received at least one payment in the period.</param>
public sealed record CooperativeEconomyTotals(Guid CooperativeId, int Members, int MembersSupplying, int MembersPaid, MoneyValue Supplied,
    MoneyValue PaidToMembers, MoneyValue SurplusShared);
