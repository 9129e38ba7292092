using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.Ledger;
using MediatR;

namespace Marketplace.Payouts.Integration;

/// <summary>
/// A card payment is disputed: the net of the order's sub-orders is held (never paid out meanwhile). Closed: won, it is
/// released where it was; lost, the disputed amount is reversed like a refund, sub-order by sub-order, and what remains is released.
/// </summary>
internal sealed class WhenPaymentDisputed(IPayoutsStore store, TimeProvider clock)
    : INotificationHandler<PaymentDisputedIntegrationEvent>, INotificationHandler<PaymentDisputeClosedIntegrationEvent>
{
    public Task Handle(PaymentDisputedIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        var sale = await session.SaleAsync(e.OrderId, ct);
        if (!sale.IsCard) return;
        await session.DecideForEachAsync(sale.SubOrders, (s, ledger) => LedgerDecisions.HoldSale(ledger, s.SubOrderId, e.DisputeId, e.At), ct);
    }, ct);

    public Task Handle(PaymentDisputeClosedIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        var sale = await session.SaleAsync(e.OrderId, ct);
        if (!sale.IsCard) return;
        var lost = e.Won ? Money.Zero(e.Currency) : new Money(e.Amount, e.Currency);
        foreach (var cooperative in sale.SubOrders.GroupBy(s => s.CooperativeId).OrderBy(g => g.Key))
            await session.DecideAsync(cooperative.Key, cooperative.SelectMany(s => new Func<CooperativeLedger, IReadOnlyList<ILedgerTransaction>>[]
            {
                ledger =>
                {
                    if (!lost.IsPositive) return [];
                    var reversed = LedgerDecisions.ReverseSale(ledger, sale.Id, s.SubOrderId, sale.Number, ReversalReasons.DisputeLost, lost, e.At);
                    foreach (var r in reversed.OfType<SaleReversed>()) lost -= r.Gross;
                    return reversed;
                },
                ledger => LedgerDecisions.ReleaseSale(ledger, s.SubOrderId, e.DisputeId, e.At),
            }), ct);
    }, ct);
}
