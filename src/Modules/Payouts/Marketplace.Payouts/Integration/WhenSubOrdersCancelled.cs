using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.Ledger;
using MediatR;

namespace Marketplace.Payouts.Integration;

/// <summary>Sub-orders were cancelled: whatever they posted is reversed; those not yet posted never will be.</summary>
internal sealed class WhenSubOrdersCancelled(IPayoutsStore store, TimeProvider clock) : INotificationHandler<SubOrdersCancelledIntegrationEvent>
{
    public Task Handle(SubOrdersCancelledIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        var sale = await session.SaleAsync(e.OrderId, ct);
        var cancelled = e.SubOrders.Select(s => s.SubOrderId).ToHashSet();
        await session.DecideForEachAsync(sale.SubOrders.Where(s => cancelled.Contains(s.SubOrderId)), (s, ledger) =>
            LedgerDecisions.ReverseSale(ledger, sale.Id, s.SubOrderId, sale.Number, ReversalReasons.Cancelled, null, e.CancelledAt), ct);
    }, ct);
}
