using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Orders.Contracts;
using Marten;
using MediatR;

namespace Marketplace.Catalogue.Stock;

/// <summary>
/// Sub-orders were cancelled: the stock of their lines comes back, once per line whatever the redeliveries (sold
/// units return on hand; units still reserved are released). Lines never taken from stock return nothing.
/// </summary>
internal sealed class WhenSubOrdersCancelled(ICatalogueStore store, TimeProvider clock) : INotificationHandler<SubOrdersCancelledIntegrationEvent>
{
    public async Task Handle(SubOrdersCancelledIntegrationEvent e, CancellationToken ct)
    {
        var cancelled = e.SubOrders.SelectMany(s => s.Lines).Select(l => l.ProductId).ToHashSet();
        await store.ProcessOnceAsync($"catalogue:sub-orders-cancelled:{e.EventId}", clock, async session =>
        {
            if (await session.LoadAsync<Reservation>(e.OrderId, ct) is not { } known) return;
            // Every step on a reservation locks all of its products: they never interleave on its document.
            var streams = await session.LockProductsAsync(known.ProductIds, ct);
            var reservation = (await session.LoadAsync<Reservation>(e.OrderId, ct))!;
            var now = clock.GetUtcNow();
            foreach (var line in reservation.Lines.Where(l => cancelled.Contains(l.ProductId)))
            {
                var stream = streams[line.ProductId];
                if (stream.Aggregate is not { } product) continue;
                switch (line.State)
                {
                    case ReservationStatus.Sold:
                        stream.AppendOne(ProductDecisions.Return(product, e.OrderId, line.Quantity, now));
                        line.State = ReservationStatus.Returned;
                        break;
                    case ReservationStatus.Reserved:
                        stream.AppendMany(ProductDecisions.Release(product, e.OrderId, line.Quantity, "order_cancelled", now));
                        line.State = ReservationStatus.Released;
                        break;
                }
            }
            if (reservation.Lines.All(l => l.State is ReservationStatus.Released or ReservationStatus.Returned))
                reservation.Status = ReservationStatus.Cancelled;
            session.Store(reservation);
        }, ct);
    }
}
