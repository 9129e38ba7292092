using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Orders.Contracts;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Stock;

/// <summary>
/// An order was placed: its reservation becomes a sale, line by line, once (by event id, and by each line's state).
/// A line whose reservation expired first is sold from what is available when there is enough; otherwise nothing of it
/// is sold (never below zero) and the order is told that its stock is missing (<see cref="StockMissingForOrder"/>), so that
/// Orders cancels that part. Reserved products the order left out are given back.
/// </summary>
internal sealed class WhenOrderPlaced(ICatalogueStore store, TimeProvider clock, ILogger<WhenOrderPlaced> logger)
    : INotificationHandler<OrderPlacedIntegrationEvent>
{
    public async Task Handle(OrderPlacedIntegrationEvent e, CancellationToken ct)
    {
        var ordered = e.SubOrders.SelectMany(s => s.Lines).Where(l => !l.Booking).GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        await store.ProcessOnceAsync($"catalogue:order-placed:{e.EventId}", clock, async session =>
        {
            var known = await session.LoadAsync<Reservation>(e.OrderId, ct);
            // One round trip: the locks (in id order), then the reservation again, under the locks.
            var locked = await session.LockForCheckoutAsync([e.OrderId], ordered.Keys.Concat(known?.ProductIds ?? []), null, ct);
            var (streams, reservation) = (locked.Streams, locked.Reservations.GetValueOrDefault(e.OrderId));
            if (reservation?.Status is ReservationStatus.Placed or ReservationStatus.Cancelled) return;
            var now = clock.GetUtcNow();
            reservation ??= new Reservation { Id = e.OrderId, ReservedAt = now, ExpiresAt = now };
            foreach (var (productId, quantity) in ordered)
            {
                var line = reservation.Lines.Find(l => l.ProductId == productId);
                if (line is { State: ReservationStatus.Sold or ReservationStatus.Returned }) continue;
                if (streams[productId].Aggregate is not { } product)
                {
                    logger.LogWarning("Order {Order} was placed with unknown product {Product}", e.Number, productId);
                    continue;
                }
                var held = line is { State: ReservationStatus.Reserved } ? line.Quantity : 0;
                var sold = ProductDecisions.Sell(product, e.OrderId, held, quantity, now);
                streams[productId].AppendMany(sold);
                if (line is null) reservation.Lines.Add(line = new ReservationLine { ProductId = productId });
                line.Quantity = quantity;
                line.State = sold.OfType<StockSold>().Any() ? ReservationStatus.Sold : ReservationStatus.Missing;
            }
            foreach (var line in reservation.Lines.Where(l => l.State == ReservationStatus.Reserved && !ordered.ContainsKey(l.ProductId)))
            {
                if (streams[line.ProductId].Aggregate is { } product)
                    streams[line.ProductId].AppendMany(ProductDecisions.Release(product, e.OrderId, line.Quantity, "not_ordered", now));
                line.State = ReservationStatus.Released;
            }
            reservation.Status = ReservationStatus.Placed;
            session.Store(reservation);
        }, ct);
    }
}
