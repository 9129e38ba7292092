using Marketplace.BuildingBlocks;

namespace Marketplace.Economy.Domain;

// A member's account with her cooperative: one stream per member (its id is the member's), in the "economy" schema.

/// <summary>
/// A member delivered <paramref name="Quantity"/> <paramref name="Unit"/> of <paramref name="Item"/> at <paramref name="UnitPrice"/>; the
/// cooperative owes her <paramref name="Amount"/>. A correction is one of these too: it <paramref name="Reverses"/> a wrong entry
/// with the opposite quantity and amount.
/// </summary>
[EventName("economy.supply_recorded")]
internal sealed record SupplyRecorded(Guid CooperativeId, Guid MemberId, Guid SupplyId, DateOnly Date, string Item, decimal Quantity,
    string Unit, string? Grade, Money UnitPrice, Money Amount, string? Lot, Guid? Reverses, string? Reason, Guid By, DateTimeOffset At)
    : IDomainEvent;

/// <summary>The cooperative paid her <paramref name="Amount"/> (an <paramref name="Advance"/> may go beyond what it owed).</summary>
[EventName("economy.member_paid")]
internal sealed record MemberPaid(Guid CooperativeId, Guid MemberId, Guid PaymentId, DateOnly Date, Money Amount, string Method,
    string? Note, bool Advance, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>Her share of a year's surplus, decided by the assembly <paramref name="AssemblyId"/>, pro rata to her supplies' value.</summary>
[EventName("economy.surplus_share_credited")]
internal sealed record SurplusShareCredited(Guid CooperativeId, Guid MemberId, Guid AssemblyId, DateOnly Date, int FinancialYear,
    Money SuppliesValue, Money Amount, Guid By, DateTimeOffset At) : IDomainEvent;
