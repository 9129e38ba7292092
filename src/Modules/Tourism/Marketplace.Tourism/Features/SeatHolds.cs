using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;

namespace Marketplace.Tourism.Features;

/// <summary>
/// What becomes of an order's seats: booked when it is placed, given back when its checkout was refused, when its
/// booking's sub-order or the booking alone is cancelled, or when no order came in time. Each under the slots' locks, each
/// once. An order placed on a slot its cooperative cancelled meanwhile has that booking cancelled by the cooperative.
/// </summary>
internal sealed class SeatHolds(ITourismStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<ReleaseSeatsForCheckout, Unit>,
    INotificationHandler<OrderPlacedIntegrationEvent>, INotificationHandler<SubOrdersCancelledIntegrationEvent>,
    INotificationHandler<BookingCancelledIntegrationEvent>
{
    public async Task<Unit> Handle(ReleaseSeatsForCheckout cmd, CancellationToken ct)
    {
        await GiveBackAsync(cmd.OrderId, null, SeatHoldStatus.Released, "checkout_refused", ct);
        return Unit.Value;
    }

    public async Task Handle(OrderPlacedIntegrationEvent e, CancellationToken ct)
    {
        if (!e.SubOrders.Any(s => s.Lines.Any(l => l.Booking))) return;
        await store.ProcessOnceAsync($"tourism:order-placed:{e.EventId}", clock, async session =>
        {
            if (await session.LoadAsync<SeatHold>(e.OrderId, ct) is not { Status: SeatHoldStatus.Reserved } hold) return;
            hold.Status = SeatHoldStatus.Placed;
            session.Store(hold);
        }, ct);
        IReadOnlyList<Slot> cancelled;
        await using (var query = store.QuerySession())
            cancelled = await query.Query<Slot>().Where(s => s.Id.IsOneOf(BookedSlots(e)) && s.Status == SlotStatuses.Cancelled).ToListAsync(ct);
        foreach (var slot in cancelled)
            await mediator.Send(new CancelBookingByCooperative(e.OrderId, slot.Id, slot.CooperativeId, slot.CancelledBy!.Value, slot.CancelReason), ct);
    }

    public Task Handle(BookingCancelledIntegrationEvent e, CancellationToken ct) =>
        GiveBackAsync(e.OrderId, new HashSet<Guid> { e.SlotId }, null, "cancelled", ct);

    private static Guid[] BookedSlots(OrderPlacedIntegrationEvent e) =>
        e.SubOrders.SelectMany(s => s.Lines).Where(l => l.Booking).Select(l => l.ProductId).ToArray();

    public async Task Handle(SubOrdersCancelledIntegrationEvent e, CancellationToken ct)
    {
        var slots = e.SubOrders.SelectMany(s => s.Lines).Where(l => l.Booking).Select(l => l.ProductId).ToHashSet();
        if (slots.Count > 0) await GiveBackAsync(e.OrderId, slots, null, "cancelled", ct);
    }

    /// <summary>Gives back the order's seats on <paramref name="only"/> these slots (all when null); sets the hold's status when given.</summary>
    public async Task GiveBackAsync(Guid orderId, IReadOnlySet<Guid>? only, string? status, string reason, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<SeatHold>(orderId, ct) is not { } known) return;
        var streams = await session.LockSlotsAsync(known.Lines.Select(l => l.SlotId), ct);
        var hold = (await session.LoadAsync<SeatHold>(orderId, ct))!; // under the locks
        if (status is not null && hold.Status != SeatHoldStatus.Reserved) return; // placed, or given back already
        var now = clock.GetUtcNow();
        foreach (var line in hold.Lines.Where(l => only is null || only.Contains(l.SlotId)))
            if (streams[line.SlotId].Aggregate is { } slot) streams[line.SlotId].AppendMany(SlotDecisions.Release(slot, orderId, reason, now));
        if (status is not null) hold.Status = status;
        session.Store(hold);
        await session.SaveChangesAsync(ct);
    }
}
