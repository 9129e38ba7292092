using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.Ledger;
using MediatR;

namespace Marketplace.Payouts.Integration;

/// <summary>A card order was paid: the net of each of its sub-orders becomes pending for its cooperative.</summary>
internal sealed class WhenOrderPaid(IPayoutsStore store, TimeProvider clock) : INotificationHandler<OrderPaidIntegrationEvent>
{
    public Task Handle(OrderPaidIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        var sale = await session.SaleAsync(e.OrderId, ct);
        if (!sale.IsCard) return;
        await session.DecideForEachAsync(sale.SubOrders, (s, ledger) => LedgerDecisions.PayCardSale(ledger, sale.Amounts(s), e.PaidAt), ct);
    }, ct);
}
