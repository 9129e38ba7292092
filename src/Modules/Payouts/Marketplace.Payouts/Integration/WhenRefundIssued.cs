using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.Ledger;
using MediatR;

namespace Marketplace.Payouts.Integration;

/// <summary>
/// Money went back to the shopper's card: the card sales of the sub-orders it pays back (all of the order's, for a refund
/// made outside the platform) are reversed up to the amount refunded, sub-order by sub-order (what a cancellation reversed
/// already is not reversed again).
/// </summary>
internal sealed class WhenRefundIssued(IPayoutsStore store, TimeProvider clock) : INotificationHandler<RefundIssuedIntegrationEvent>
{
    public Task Handle(RefundIssuedIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        var sale = await session.SaleAsync(e.OrderId, ct);
        if (!sale.IsCard) return;
        var left = new Money(e.Amount, e.Currency);
        var refunded = e.SubOrderIds is { Count: > 0 } ids ? sale.SubOrders.Where(s => ids.Contains(s.SubOrderId)) : sale.SubOrders;
        await session.DecideForEachAsync(refunded, (s, ledger) =>
        {
            if (!left.IsPositive) return [];
            var reversed = LedgerDecisions.ReverseSale(ledger, sale.Id, s.SubOrderId, sale.Number, ReversalReasons.Refunded, left, e.RefundedAt);
            foreach (var r in reversed.OfType<SaleReversed>()) left -= r.Gross;
            return reversed;
        }, ct);
    }, ct);
}
