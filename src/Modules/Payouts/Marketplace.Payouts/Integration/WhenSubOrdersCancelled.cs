using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Sales;
using MediatR;

namespace Marketplace.Payouts.Integration;

/// <summary>
/// Sub-orders were cancelled: whatever they posted is reversed; those not yet posted never will be. An order cancelled
/// before it was placed (its stock reservation released) never posted anything: there is nothing to do.
/// </summary>
internal sealed class WhenSubOrdersCancelled(IPayoutsStore store, TimeProvider clock) : INotificationHandler<SubOrdersCancelledIntegrationEvent>
{
    public Task Handle(SubOrdersCancelledIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        if (await session.LoadAsync<Sale>(e.OrderId, ct) is not { } sale) return;
        var cancelled = e.SubOrders.Select(s => s.SubOrderId).ToHashSet();
        await session.DecideForEachAsync(sale.SubOrders.Where(s => cancelled.Contains(s.SubOrderId)), (s, ledger) =>
            LedgerDecisions.ReverseSale(ledger, sale.Id, s.SubOrderId, sale.Number, ReversalReasons.Cancelled, null, e.CancelledAt), ct);
    }, ct);
}
