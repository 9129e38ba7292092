using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;

namespace Marketplace.Payouts.Tests.Unit;

/// <summary>A cooperative's ledger built from decisions, as the store would (each transaction applied as decided).</summary>
internal sealed class LedgerTestKit
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    public CooperativeLedger Ledger { get; } = CooperativeLedger.Empty(Guid.CreateVersion7());
    public List<ILedgerTransaction> Posted { get; } = [];

    public static SubOrderAmounts Sale(decimal gross, decimal commission, string number = "SM-2026-000001") =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), number, Money.Mad(gross), Money.Mad(commission), Money.Mad(gross - commission));

    public IReadOnlyList<ILedgerTransaction> Do(Func<CooperativeLedger, IReadOnlyList<ILedgerTransaction>> decide)
    {
        var decided = decide(Ledger);
        foreach (var t in decided)
        {
            Ledger.Then(t);
            Posted.Add(t);
        }
        return decided;
    }

    public PayoutDebited? Payout(decimal minimum = 100m, Guid? id = null, decimal? availableThen = null)
    {
        var debit = LedgerDecisions.DebitPayout(Ledger, id ?? Guid.CreateVersion7(), "PO-2026-W48-0001", Money.Mad(minimum),
            availableThen is { } then ? Money.Mad(then) : Ledger.Available, T0);
        if (debit is not null) Do(_ => [debit]);
        return debit;
    }

    public decimal SumOf(LedgerAccount account) =>
        Posted.SelectMany(t => t.Legs).Where(l => l.Account == account).Sum(l => l.Amount.Amount);

    public (decimal Available, decimal Pending, decimal Owed) Balance =>
        (Ledger.Available.Amount, Ledger.Pending.Amount, Ledger.OwedToPlatform.Amount);
}
