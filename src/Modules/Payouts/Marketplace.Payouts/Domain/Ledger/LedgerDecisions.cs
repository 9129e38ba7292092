using Marketplace.BuildingBlocks;
using static Marketplace.Payouts.Domain.Ledger.LedgerAccount;

namespace Marketplace.Payouts.Domain.Ledger;

/// <summary>
/// The ledger's decisions: given a cooperative's ledger and what happened, the transaction to post (or none, when
/// it was posted already or does not apply). Pure: no database, no clock.
/// </summary>
internal static class LedgerDecisions
{
    /// <summary>A card order was paid: the sub-order's net becomes pending.</summary>
    public static IReadOnlyList<ILedgerTransaction> PayCardSale(CooperativeLedger ledger, SubOrderAmounts sale, DateTimeOffset at)
    {
        if (ledger.Sales.ContainsKey(sale.SubOrderId)) return []; // paid already, or cancelled before it was paid
        return [new CardSalePaid(ledger.Id, sale, sale.OrderNumber, at,
            Legs(ledger, (PlatformCash, sale.Gross), (Pending, sale.Net), (Commission, sale.Commission)))];
    }

    /// <summary>
    /// A card-paid sub-order was delivered: its net becomes available <paramref name="hold"/> later (at once for 0: it
    /// moves from pending to available now; else it stays pending, and <see cref="MatureCardSale"/> moves it when due).
    /// </summary>
    public static IReadOnlyList<ILedgerTransaction> DeliverCardSale(CooperativeLedger ledger, Guid subOrderId, DateTimeOffset at, TimeSpan hold)
    {
        if (!ledger.Sales.TryGetValue(subOrderId, out var sale) || sale.AvailableAt is not null
            || sale.State is not (SaleState.Pending or SaleState.Held)) return [];
        var net = sale.RemainingNet;
        return hold <= TimeSpan.Zero && sale.State == SaleState.Pending
            ? [new CardSaleDelivered(ledger.Id, subOrderId, sale.OrderNumber, at, Legs(ledger, (Pending, net.Negate()), (Available, net)))]
            : [new CardSaleDelivered(ledger.Id, subOrderId, sale.OrderNumber, at, [], at + hold)];
    }

    /// <summary>A delivered card sale whose hold is over by <paramref name="now"/> becomes available, dated when it was due.</summary>
    public static IReadOnlyList<ILedgerTransaction> MatureCardSale(CooperativeLedger ledger, Guid subOrderId, DateTimeOffset now)
    {
        if (!ledger.Sales.TryGetValue(subOrderId, out var sale) || sale.State != SaleState.Pending || sale.AvailableAt is not { } due || due > now)
            return [];
        var net = sale.RemainingNet;
        return [new CardSaleMatured(ledger.Id, subOrderId, sale.OrderNumber, due, Legs(ledger, (Pending, net.Negate()), (Available, net)))];
    }

    /// <summary>The card payment is disputed: the sale's net (pending or available) is held, never paid out meanwhile.</summary>
    public static IReadOnlyList<ILedgerTransaction> HoldSale(CooperativeLedger ledger, Guid subOrderId, string disputeId, DateTimeOffset at)
    {
        if (!ledger.Sales.TryGetValue(subOrderId, out var sale) || sale.State is not (SaleState.Pending or SaleState.Available)) return [];
        var net = sale.RemainingNet;
        var from = sale.State == SaleState.Pending ? Pending : Available;
        return [new SaleHeld(ledger.Id, subOrderId, disputeId, sale.OrderNumber, at, Legs(ledger, (from, net.Negate()), (Held, net)))];
    }

    /// <summary>The dispute was won: the held net goes back, to available when it was delivered and its hold is over, else to pending.</summary>
    public static IReadOnlyList<ILedgerTransaction> ReleaseSale(CooperativeLedger ledger, Guid subOrderId, string disputeId, DateTimeOffset at)
    {
        if (!ledger.Sales.TryGetValue(subOrderId, out var sale) || sale.State != SaleState.Held) return [];
        var net = sale.RemainingNet;
        var to = sale.AvailableAt is { } due && due <= at ? Available : Pending;
        return [new SaleReleased(ledger.Id, subOrderId, disputeId, sale.OrderNumber, at, Legs(ledger, (Held, net.Negate()), (to, net)))];
    }

    /// <summary>A cash-on-delivery sub-order was delivered: the cooperative now owes its commission.</summary>
    public static IReadOnlyList<ILedgerTransaction> DeliverCashSale(CooperativeLedger ledger, SubOrderAmounts sale, DateTimeOffset at)
    {
        if (ledger.Sales.ContainsKey(sale.SubOrderId)) return [];
        return [new CashSaleDelivered(ledger.Id, sale, sale.OrderNumber, at,
            Legs(ledger, (OwedToPlatform, sale.Commission), (Commission, sale.Commission)))];
    }

    /// <summary>
    /// A sub-order was cancelled (everything it posted is reversed; one not yet posted is closed so that it never is)
    /// or refunded to the card (up to <paramref name="refunded"/> of its gross: the cooperative gives back its share
    /// of it, the platform its commission). Cash sales are not refunded to a card.
    /// </summary>
    public static IReadOnlyList<ILedgerTransaction> ReverseSale(CooperativeLedger ledger, Guid orderId, Guid subOrderId, string orderNumber,
        string reason, Money? refunded, DateTimeOffset at)
    {
        if (!ledger.Sales.TryGetValue(subOrderId, out var sale))
            return reason == ReversalReasons.Cancelled
                ? [new SaleReversed(ledger.Id, orderId, subOrderId, reason, Money.Zero(), orderNumber, at, [])]
                : [];
        if (sale.State == SaleState.Closed) return [];
        if (sale.State == SaleState.Owed)
        {
            if (reason != ReversalReasons.Cancelled) return [];
            var owed = sale.RemainingCommission;
            return [new SaleReversed(ledger.Id, orderId, subOrderId, reason, owed, orderNumber, at,
                Legs(ledger, (OwedToPlatform, owed.Negate()), (Commission, owed.Negate())))];
        }
        var remaining = sale.RemainingGross;
        var gross = refunded is { } r && r < remaining ? r : remaining;
        if (!gross.IsPositive) return [];
        var net = gross == remaining ? sale.RemainingNet : new Money(Money.Round(gross.Amount * sale.Net.Amount / sale.Gross.Amount));
        if (net > sale.RemainingNet) net = sale.RemainingNet;                      // rounding never takes more than is left
        if (gross - net > sale.RemainingCommission) net = gross - sale.RemainingCommission;
        var commission = gross - net;
        var account = sale.State switch { SaleState.Pending => Pending, SaleState.Held => Held, _ => Available };
        return [new SaleReversed(ledger.Id, orderId, subOrderId, reason, gross, orderNumber, at,
            Legs(ledger, (account, net.Negate()), (Commission, commission.Negate()), (PlatformCash, gross.Negate())))];
    }

    /// <summary>
    /// A payout of what the cooperative is owed: what was available at the period's end (<paramref name="availableThen"/>;
    /// never more than is available now) minus everything it owes the platform, when it reaches <paramref name="minimum"/>.
    /// It takes that much of available and clears owedToPlatform; what became available after the period's end stays for the
    /// next payout. None when it is below, or when this payout was debited already.
    /// </summary>
    public static PayoutDebited? DebitPayout(CooperativeLedger ledger, Guid payoutId, string reference, Money minimum, Money availableThen,
        DateTimeOffset at)
    {
        if (ledger.Payouts.ContainsKey(payoutId)) return null;
        var available = availableThen < ledger.Available ? availableThen : ledger.Available;
        var amount = available - ledger.OwedToPlatform;
        if (amount < minimum || !amount.IsPositive) return null;
        return new PayoutDebited(ledger.Id, payoutId, amount, reference, at,
            Legs(ledger, (Available, available.Negate()), (OwedToPlatform, ledger.OwedToPlatform.Negate()), (PlatformCash, amount.Negate())));
    }

    /// <summary>
    /// A failed or returned payout is paid again: its amount is taken again from what the cooperative is owed now. Refused
    /// when that is less (its money was paid out since, in a later payout): it is never paid twice.
    /// </summary>
    public static PayoutDebited RedebitPayout(CooperativeLedger ledger, Guid payoutId, Money amount, string reference, DateTimeOffset at)
    {
        if (!ledger.Payouts.TryGetValue(payoutId, out var payout) || !payout.Returned)
            throw new DomainRuleViolated("payout_not_returned", $"Payout {reference} still holds its money: it cannot be paid again.");
        if (ledger.Payable < amount)
            throw new DomainRuleViolated("payout_paid_since",
                $"The money of payout {reference} was paid out since (the cooperative is owed {ledger.Payable} now): it is not paid twice.");
        return new PayoutDebited(ledger.Id, payoutId, amount, reference, at, Legs(ledger, (Available, amount.Negate()), (PlatformCash, amount.Negate())));
    }

    /// <summary>A payout failed: what it took goes back, exactly (none when it was returned already or never taken).</summary>
    public static IReadOnlyList<ILedgerTransaction> ReturnPayout(CooperativeLedger ledger, Guid payoutId, string reason, DateTimeOffset at)
    {
        if (!ledger.Payouts.TryGetValue(payoutId, out var payout) || payout.Returned) return [];
        var amount = payout.Taken.Where(l => l.Account == PlatformCash).Select(l => l.Amount.Negate()).FirstOrDefault() ?? Money.Zero();
        return [new PayoutReturned(ledger.Id, payoutId, amount, reason, payout.Reference, at,
            Legs(ledger, payout.Taken.Select(l => (l.Account, l.Amount.Negate())).ToArray()))];
    }

    /// <summary>The legs of a transaction, with each account's balance after it; accounts left unchanged are left out.</summary>
    internal static IReadOnlyList<LedgerLeg> Legs(CooperativeLedger ledger, params (LedgerAccount Account, Money Amount)[] changes)
    {
        var debits = changes.Where(c => c.Account.IsDebitNormal()).Sum(c => c.Amount.Amount);
        var credits = changes.Where(c => !c.Account.IsDebitNormal()).Sum(c => c.Amount.Amount);
        if (debits != credits) throw new InvalidOperationException($"Unbalanced transaction: debits {debits}, credits {credits}.");
        var balances = new Dictionary<LedgerAccount, Money>();
        var legs = new List<LedgerLeg>();
        foreach (var (account, amount) in changes.Where(c => !c.Amount.IsZero))
        {
            var after = balances.GetValueOrDefault(account) ?? ledger.Balance(account);
            after += amount;
            balances[account] = after;
            legs.Add(new LedgerLeg(account, amount, after));
        }
        return legs;
    }
}
