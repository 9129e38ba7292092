using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Tourism.Features;

/// <summary>
/// A cooperative cancels a date: the slot is cancelled under its lock (recorded against the cooperative when it had bookings),
/// then each order seated on it has its booking cancelled by the cooperative (Orders refunds it in full; its seats come back
/// through Orders' event). Seats held by a checkout not placed yet go back at once; an order placed after the cancellation
/// is cancelled when Tourism learns of it (<see cref="SeatHolds"/>).
/// </summary>
internal sealed class CancelSlotHandler(ITourismStore store, IMediator mediator, SeatHolds holds, TimeProvider clock) : IRequestHandler<CancelSlot, SlotView>
{
    public const int MaxReason = 500;

    public async Task<SlotView> Handle(CancelSlot cmd, CancellationToken ct)
    {
        var reason = cmd.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReason || !JsonInput.IsStorable(reason))
            throw new ValidationFailed("reason", $"reason tells the shoppers why the date is cancelled (1 to {MaxReason} characters).");
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActorId, mustBeVerified: false, ct);
        Slot slot;
        await using (var session = store.LightweightSession())
        {
            var stream = (await session.LockSlotsAsync([cmd.SlotId], ct))[cmd.SlotId];
            slot = stream.Aggregate is { } s && s.ExperienceId == cmd.ExperienceId && s.CooperativeId == cmd.CooperativeId ? s : throw new NotFound("The slot");
            if (!slot.IsCancelled)
            {
                var cancelled = new SlotCancelled(slot.Id, slot.CooperativeId, reason, slot.Seats.Count, cmd.ActorId, clock.GetUtcNow());
                stream.AppendOne(cancelled);
                slot.Apply(cancelled);
                if (cancelled.Bookings > 0)
                    session.Store(new HostCancellation { Id = slot.Id, CooperativeId = slot.CooperativeId, ExperienceId = slot.ExperienceId,
                        Bookings = cancelled.Bookings, Reason = reason, At = cancelled.At });
                await session.SaveChangesAsync(ct);
            }
        }
        await CancelBookingsAsync(slot, ct);
        return ExperienceViews.Of(slot, clock.GetUtcNow());
    }

    /// <summary>
    /// Cancels, as the cooperative, the booking of every order seated on the cancelled slot (each once). Seats whose order does
    /// not exist (a checkout in flight, or refused) go back at once; that checkout, if its order comes, is cancelled then.
    /// </summary>
    public async Task CancelBookingsAsync(Slot slot, CancellationToken ct)
    {
        var placed = (await mediator.Send(new GetExistingOrders(slot.Seats.Keys.ToList()), ct)).ToHashSet();
        foreach (var orderId in slot.Seats.Keys)
            if (placed.Contains(orderId))
                await mediator.Send(new CancelBookingByCooperative(orderId, slot.Id, slot.CooperativeId, slot.CancelledBy!.Value, slot.CancelReason), ct);
            else
                await holds.GiveBackAsync(orderId, new HashSet<Guid> { slot.Id }, null, "slot_cancelled", ct);
    }
}

internal static class CancelSlotEndpoint
{
    internal sealed record Body(string? Reason);

    public static void Map(RouteGroupBuilder cooperatives) => cooperatives.MapPost("/{id:guid}/experiences/{experienceId:guid}/slots/{slotId:guid}/cancel",
            async (Guid id, Guid experienceId, Guid slotId, Body? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelSlot(id, experienceId, slotId, user.UserId(), body?.Reason), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Cancel a date: {reason}; every booking of it is refunded in full, recorded against the cooperative (staff)");
}
