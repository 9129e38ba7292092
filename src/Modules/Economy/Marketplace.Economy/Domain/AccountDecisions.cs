using Marketplace.BuildingBlocks;

namespace Marketplace.Economy.Domain;

/// <summary>A supply as staff recorded it, after validation.</summary>
internal sealed record SupplyInput(DateOnly Date, string Item, decimal Quantity, string Unit, string? Grade, Money UnitPrice, string? Lot);

/// <summary>Decisions on a member's account. Pure: the account and the command in, events out.</summary>
internal static class AccountDecisions
{
    public static IReadOnlyList<object> RecordSupply(MemberAccount account, Guid supplyId, SupplyInput s, Guid by, DateTimeOffset now) =>
    [
        new SupplyRecorded(account.CooperativeId, account.Id, supplyId, s.Date, s.Item, s.Quantity, s.Unit, s.Grade, s.UnitPrice,
            s.UnitPrice.Times(s.Quantity), s.Lot, Reverses: null, Reason: null, by, now),
    ];

    /// <summary>The opposite entry of <paramref name="wrong"/>: same item, price and lot, opposite quantity and amount.</summary>
    public static IReadOnlyList<object> Reverse(MemberAccount account, SupplyRecorded wrong, Guid reversalId, DateOnly date, string? reason,
        Guid by, DateTimeOffset now)
    {
        if (!account.Supplies.TryGetValue(wrong.SupplyId, out var isReversal)) throw new NotFound("The supply");
        if (isReversal) throw new DomainRuleViolated("reversal_of_reversal", "This entry is itself a correction: record the supply again instead.");
        if (account.Reversed.ContainsKey(wrong.SupplyId))
            throw new DomainRuleViolated("supply_already_reversed", "This supply has already been reversed.");
        if (date < wrong.Date) throw new ValidationFailed("date", "A correction cannot be dated before the supply it reverses.");
        return
        [
            new SupplyRecorded(account.CooperativeId, account.Id, reversalId, date, wrong.Item, -wrong.Quantity, wrong.Unit, wrong.Grade,
                wrong.UnitPrice, wrong.Amount.Negate(), wrong.Lot, wrong.SupplyId, reason, by, now),
        ];
    }

    /// <summary>A payment to her; beyond what is owed only as an advance.</summary>
    public static IReadOnlyList<object> Pay(MemberAccount account, Guid paymentId, DateOnly date, Money amount, string method, string? note,
        bool advance, Guid by, DateTimeOffset now)
    {
        if (!amount.IsPositive) throw new ValidationFailed("amount", "The amount paid must be more than zero.");
        if (!advance && amount.Amount > account.Balance.Amount)
            throw new Unprocessable($"The cooperative owes this member {Math.Max(0, account.Balance.Amount):0.00} {amount.Currency}: " +
                                    "a payment beyond that is an advance (advance: true).");
        return [new MemberPaid(account.CooperativeId, account.Id, paymentId, date, amount, method, note, advance, by, now)];
    }
}
