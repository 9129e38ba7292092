using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.Ledger;
using MediatR;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts.Integration;

/// <summary>
/// A sub-order was delivered. Card: its net (delivery fee included) becomes available after the card hold days (until then
/// pending: <see cref="Jobs.ReleaseCardSales"/> moves it). Cash on delivery:
/// the cooperative holds the cash, so it owes the commission, netted from its next payouts.
/// </summary>
internal sealed class WhenSubOrderDelivered(IPayoutsStore store, TimeProvider clock, IOptions<PayoutsOptions> options)
    : INotificationHandler<SubOrderDeliveredIntegrationEvent>
{
    public Task Handle(SubOrderDeliveredIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        var sale = await session.SaleAsync(e.OrderId, ct);
        var subOrder = sale.SubOrders.SingleOrDefault(s => s.SubOrderId == e.SubOrderId)
            ?? throw new InvalidOperationException($"Sub-order {e.SubOrderId} is not part of order {sale.Number}.");
        await session.DecideAsync(subOrder.CooperativeId, ledger => sale.IsCard
            ? LedgerDecisions.DeliverCardSale(ledger, subOrder.SubOrderId, e.DeliveredAt, TimeSpan.FromDays(options.Value.CardHoldDays))
            : LedgerDecisions.DeliverCashSale(ledger, sale.Amounts(subOrder), e.DeliveredAt), ct);
    }, ct);
}
