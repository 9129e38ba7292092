using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Reviews.Domain;
using MediatR;

namespace Marketplace.Reviews.Integration;

/// <summary>
/// Who may review what, from Orders' events (each handled once): a placed order's sub-orders and their product lines (not
/// bookings), then when each is delivered, or that it was cancelled.
/// </summary>
internal sealed class WhoMayReview(IReviewsStore store, TimeProvider clock) : INotificationHandler<OrderPlacedIntegrationEvent>,
    INotificationHandler<SubOrderDeliveredIntegrationEvent>, INotificationHandler<SubOrdersCancelledIntegrationEvent>
{
    public Task Handle(OrderPlacedIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync($"reviews:placed:{e.EventId}", clock, async session =>
    {
        foreach (var s in e.SubOrders)
            if (await session.LoadAsync<Reviewable>(s.SubOrderId, ct) is null)
                session.Store(new Reviewable
                {
                    Id = s.SubOrderId, OrderId = e.OrderId, ShopperId = e.ShopperId, CooperativeId = s.CooperativeId,
                    ProductIds = s.Lines.Where(l => !l.Booking).Select(l => l.ProductId).Distinct().ToList(),
                });
    }, ct);

    public Task Handle(SubOrderDeliveredIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync($"reviews:delivered:{e.EventId}", clock,
        async session =>
        {
            if (await session.LoadAsync<Reviewable>(e.SubOrderId, ct) is not { } reviewable) return; // placed before reviews existed
            reviewable.DeliveredAt ??= e.DeliveredAt;
            session.Store(reviewable);
        }, ct);

    public Task Handle(SubOrdersCancelledIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync($"reviews:cancelled:{e.EventId}", clock,
        async session =>
        {
            foreach (var s in e.SubOrders)
                if (await session.LoadAsync<Reviewable>(s.SubOrderId, ct) is { } reviewable)
                {
                    reviewable.Cancelled = true;
                    session.Store(reviewable);
                }
        }, ct);
}
