using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Marten;
using Marten.Events.Projections;

namespace Marketplace.Payouts.Domain.Ledger;

/// <summary>One line of a cooperative's ledger as it reads it: a leg of a transaction on one of its balance's accounts.</summary>
/// <param name="Id">cooperative, stream version and leg: stable, and in order.</param>
internal sealed record LedgerEntry(string Id, Guid CooperativeId, long Version, int Leg, DateTimeOffset At, string Kind, LedgerAccount Account,
    string Reference, Money Amount, Money BalanceAfter);

/// <summary>Writes the entries of every ledger transaction, in the transaction that appends it (inline).</summary>
internal sealed partial class LedgerEntryProjection : EventProjection
{
    public void Project(IEvent<CardSalePaid> e, IDocumentOperations ops) => Write(e, e.Data, ops);
    public void Project(IEvent<CardSaleDelivered> e, IDocumentOperations ops) => Write(e, e.Data, ops);
    public void Project(IEvent<CardSaleMatured> e, IDocumentOperations ops) => Write(e, e.Data, ops);
    public void Project(IEvent<SaleHeld> e, IDocumentOperations ops) => Write(e, e.Data, ops);
    public void Project(IEvent<SaleReleased> e, IDocumentOperations ops) => Write(e, e.Data, ops);
    public void Project(IEvent<CashSaleDelivered> e, IDocumentOperations ops) => Write(e, e.Data, ops);
    public void Project(IEvent<SaleReversed> e, IDocumentOperations ops) => Write(e, e.Data, ops);
    public void Project(IEvent<PayoutDebited> e, IDocumentOperations ops) => Write(e, e.Data, ops);
    public void Project(IEvent<PayoutReturned> e, IDocumentOperations ops) => Write(e, e.Data, ops);

    /// <summary>The kind of entry a transaction makes, as the API spells it.</summary>
    public static string KindOf(ILedgerTransaction t) => t switch
    {
        CardSalePaid => "card_sale",
        CardSaleDelivered => "delivery",
        CardSaleMatured => "available",
        SaleHeld => "dispute_hold",
        SaleReleased => "dispute_release",
        SaleReversed { Reason: ReversalReasons.DisputeLost } => "dispute_lost",
        CashSaleDelivered => "cash_sale_commission",
        SaleReversed { Reason: ReversalReasons.Refunded } => "refund",
        SaleReversed => "cancellation",
        PayoutDebited => "payout",
        PayoutReturned => "payout_returned",
        _ => "adjustment",
    };

    private static void Write(IEvent e, ILedgerTransaction t, IDocumentOperations ops)
    {
        var kind = KindOf(t);
        for (var i = 0; i < t.Legs.Count; i++)
        {
            var leg = t.Legs[i];
            if (!leg.Account.IsCooperativeBalance()) continue;
            ops.Store(new LedgerEntry($"{t.CooperativeId:N}-{e.Version:D10}-{i}", t.CooperativeId, e.Version, i, t.At, kind, leg.Account,
                t.Reference, leg.Amount, leg.BalanceAfter));
        }
    }
}
