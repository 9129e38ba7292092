using MediatR;

namespace Marketplace.Economy.Contracts;

// What members deliver to their cooperative (kernels, oil, saffron...) and what it owes them for it. Staff of the
// cooperative only (Forbidden otherwise, administrators included); an unknown cooperative or member is NotFound; bad
// input is ValidationFailed with the API's field names (memberId, date, item, quantity, unit, grade, unitPrice, lot).

/// <summary>Staff record a supply: what a member delivered on <paramref name="Date"/> (yyyy-MM-dd) at the price agreed.</summary>
public sealed record RecordSupply(Guid CooperativeId, Guid ActorId, Guid? MemberId, string? Date, string? Item, decimal? Quantity,
    string? Unit, string? Grade, decimal? UnitPrice, string? Lot) : IRequest<SupplyEntry>;

/// <summary>
/// Staff correct a supply recorded wrongly: a new entry that reverses it (same quantity and amount, negative), dated today
/// unless <paramref name="Date"/> says otherwise. The wrong entry stays as it was; a supply is reversed once.
/// </summary>
public sealed record ReverseSupply(Guid CooperativeId, Guid ActorId, Guid SupplyId, string? Reason, string? Date = null) : IRequest<SupplyEntry>;

/// <param name="Amount">quantity x unit price (negative for a reversal).</param>
/// <param name="Reverses">the entry this one reverses, when it is a correction.</param>
/// <param name="ReversedBy">the entry that reversed this one, if any.</param>
public sealed record SupplyEntry(Guid Id, Guid MemberId, string MemberName, DateOnly Date, string Item, decimal Quantity, string Unit,
    string? Grade, MoneyValue UnitPrice, MoneyValue Amount, string? Lot, Guid? Reverses, Guid? ReversedBy, string? Reason, DateTimeOffset RecordedAt);

/// <summary>The supplies of a month (yyyy-MM; this month when null), with totals by item, and what the form proposes next.</summary>
/// <param name="Language">the language of the product names proposed as items.</param>
public sealed record GetMonthSupplies(Guid CooperativeId, Guid ViewerId, string? Month, string Language = "fr") : IRequest<MonthSupplies>;

/// <param name="Last">the item, unit, grade and price of the last supply recorded: the form starts from them.</param>
/// <param name="Items">items recorded before and the cooperative's product names, for the form's suggestions.</param>
public sealed record MonthSupplies(string Month, IReadOnlyList<SupplyEntry> Entries, IReadOnlyList<ItemTotal> ByItem, MoneyValue Total,
    SupplyEntry? Last, IReadOnlyList<string> Items);

public sealed record ItemTotal(string Item, string Unit, decimal Quantity, MoneyValue Amount, int Entries);
