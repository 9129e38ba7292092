using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Fulfilment;
using Marketplace.Orders.Payments;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Orders.Features;

/// <summary>The shopper cancels one booking of their order: refunded by the experience's policy and the time left.</summary>
internal sealed record CancelBooking(Guid OrderId, Guid SlotId, Guid UserId) : IRequest<Order>;

/// <summary>
/// Cancels a booking, then issues the refund it owes at once (when the gateway is down the refund stays due: the refunds
/// job completes it). Only the shopper who ordered cancels as the shopper; the cooperative cancels through its slot.
/// </summary>
internal sealed class CancelBookingHandler(IOrdersStore store, CardPayments payments, IMediator mediator, TimeProvider clock)
    : IRequestHandler<CancelBooking, Order>, IRequestHandler<CancelBookingByCooperative, Unit>
{
    public async Task<Order> Handle(CancelBooking cmd, CancellationToken ct)
    {
        _ = OrderAccess.ShopperOrAdmin(await store.LoadOrderAsync(cmd.OrderId, ct), cmd.UserId, isAdmin: false);
        var order = await store.UpdateAsync(cmd.OrderId,
            o => o.CancelBooking(cmd.SlotId, BookingCancellations.ByShopper, cmd.UserId, null, clock.GetUtcNow()), ct);
        return await payments.IssueRefundsAsync(order, ct);
    }

    public async Task<Unit> Handle(CancelBookingByCooperative cmd, CancellationToken ct)
    {
        await CooperativeStaff.EnsureAsync(mediator, cmd.CooperativeId, cmd.ActorId, adminAllowed: false, isAdmin: false, ct);
        var order = await store.LoadOrderAsync(cmd.OrderId, ct) ?? throw new NotFound("The order");
        if (!order.SubOrders.Any(s => s.CooperativeId == cmd.CooperativeId && s.Lines.Any(l => l.Booking is not null && l.ProductId == cmd.SlotId)))
            throw new NotFound("The booking");
        order = await store.UpdateAsync(cmd.OrderId,
            o => o.CancelBooking(cmd.SlotId, cmd.Decline ? BookingCancellations.Declined : BookingCancellations.ByCooperative, cmd.ActorId, cmd.Reason,
                clock.GetUtcNow()), ct);
        await payments.IssueRefundsAsync(order, ct);
        return Unit.Value;
    }
}

internal static class CancelBookingEndpoint
{
    internal sealed record DeclineBody(string? Reason);

    /// <summary>The staff decline a booking of a date on request (POST .../orders/{subOrderId}/bookings/{slotId}/decline {reason}).</summary>
    public static void MapDecline(RouteGroupBuilder fulfilment) => fulfilment.MapPost("/{subOrderId:guid}/bookings/{slotId:guid}/decline",
            async (Guid id, Guid subOrderId, Guid slotId, DeclineBody? body, HttpContext http, IMediator mediator, IOrdersStore store, CancellationToken ct) =>
            {
                var reason = body?.Reason?.Trim();
                if (string.IsNullOrEmpty(reason) || reason.Length > 500 || !JsonInput.IsStorable(reason))
                    throw new ValidationFailed("reason", "reason tells the shopper why the booking is declined (1 to 500 characters).");
                var order = await CooperativeStaff.OrderOfSubOrderAsync(store, id, subOrderId, ct);
                await mediator.Send(new CancelBookingByCooperative(order.Id, slotId, id, http.User.UserId(), reason, Decline: true), ct);
                var after = await store.LoadOrderAsync(order.Id, ct);
                return TypedResults.Ok(CooperativeSubOrderView.Of(after!, after!.SubOrder(subOrderId)!, Language.Of(http)));
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Decline a booking of a date on request: {reason}; refunded in full (staff)");

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/bookings/{slotId:guid}/cancel",
            async (Guid id, Guid slotId, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(OrderView.Of(await mediator.Send(new CancelBooking(id, slotId, http.User.UserId()), ct), Language.Of(http))))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Cancel one booking of my order: refunded in full until the experience's policy says, not after");
}
