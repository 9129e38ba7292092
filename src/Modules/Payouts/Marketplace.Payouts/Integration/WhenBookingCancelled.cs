using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.Sales;
using MediatR;

namespace Marketplace.Payouts.Integration;

/// <summary>
/// A booking of a sub-order that goes on was cancelled. Cash: its line leaves the sale (nothing was collected for it, no
/// commission is owed on it). Card: its refund reverses its part of the sale when it is issued; a booking given up late is
/// kept in the sale, paid to the cooperative with its sub-order.
/// </summary>
internal sealed class WhenBookingCancelled(IPayoutsStore store, TimeProvider clock) : INotificationHandler<BookingCancelledIntegrationEvent>
{
    public Task Handle(BookingCancelledIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        var sale = await session.SaleAsync(e.OrderId, ct);
        if (sale.IsCard || e.Kept) return;
        if (sale.SubOrders.FirstOrDefault(s => s.SubOrderId == e.SubOrderId)?.Lines.Any(l => l.Sku == e.Sku) != true) return;
        session.Events.Append(e.OrderId, new SaleLineCancelled(e.OrderId, e.SubOrderId, e.Sku, e.At));
    }, ct);
}
