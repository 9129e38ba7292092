using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Features;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Orders.Fulfilment;

/// <summary>A cooperative moves its sub-order: accept, then ship (carrier, tracking number), then deliver.</summary>
internal sealed record MoveSubOrder(Guid CooperativeId, Guid SubOrderId, Guid UserId, MoveSubOrder.Move To, string? Carrier = null,
    string? TrackingNumber = null, Money? CashCollected = null) : IRequest<Order>
{
    internal enum Move { Accept, Ship, Deliver }
}

internal sealed class MoveSubOrderValidator : AbstractValidator<MoveSubOrder>
{
    public MoveSubOrderValidator()
    {
        When(x => x.To == MoveSubOrder.Move.Ship, () =>
        {
            RuleFor(x => x.Carrier).NotEmpty().MaximumLength(100);
            RuleFor(x => x.TrackingNumber).NotEmpty().MaximumLength(100);
        });
    }
}

internal sealed class MoveSubOrderHandler(IOrdersStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<MoveSubOrder, Order>
{
    public async Task<Order> Handle(MoveSubOrder cmd, CancellationToken ct)
    {
        await CooperativeStaff.EnsureAsync(mediator, cmd.CooperativeId, cmd.UserId, adminAllowed: false, isAdmin: false, ct);
        var order = await CooperativeStaff.OrderOfSubOrderAsync(store, cmd.CooperativeId, cmd.SubOrderId, ct);
        return await store.UpdateAsync(order.Id, o => cmd.To switch
        {
            MoveSubOrder.Move.Accept => o.Accept(cmd.SubOrderId, cmd.UserId, clock.GetUtcNow()),
            MoveSubOrder.Move.Ship => o.Ship(cmd.SubOrderId, cmd.Carrier!.Trim(), cmd.TrackingNumber!.Trim(), cmd.UserId, clock.GetUtcNow()),
            _ => o.Deliver(cmd.SubOrderId, cmd.CashCollected, cmd.UserId, clock.GetUtcNow()),
        }, ct);
    }
}

internal sealed record ShipmentBody(string? Carrier, string? TrackingNumber);

internal sealed record DeliveryBody(Money? CashCollected);

internal static class MoveSubOrderEndpoints
{
    public static void Map(RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("").RequireAuthorization(Identity.Policies.SignedIn); // signed in; staff is checked by the move
        group.MapPost("/{subOrderId:guid}/accept", (Guid id, Guid subOrderId, HttpContext http, IMediator mediator, CancellationToken ct) =>
                Answer(new MoveSubOrder(id, subOrderId, http.User.UserId(), MoveSubOrder.Move.Accept), http, mediator, ct))
            .WithSummary("Accept a sub-order (staff)");
        group.MapPost("/{subOrderId:guid}/ship", (Guid id, Guid subOrderId, ShipmentBody? body, HttpContext http, IMediator mediator,
                    CancellationToken ct) =>
                Answer(new MoveSubOrder(id, subOrderId, http.User.UserId(), MoveSubOrder.Move.Ship, body?.Carrier, body?.TrackingNumber),
                    http, mediator, ct))
            .WithSummary("Ship an accepted sub-order: {carrier, trackingNumber} (staff)");
        group.MapPost("/{subOrderId:guid}/deliver", (Guid id, Guid subOrderId, DeliveryBody? body, HttpContext http, IMediator mediator,
                    CancellationToken ct) =>
                Answer(new MoveSubOrder(id, subOrderId, http.User.UserId(), MoveSubOrder.Move.Deliver, CashCollected: body?.CashCollected),
                    http, mediator, ct))
            .WithSummary("Deliver a shipped sub-order; cash on delivery records {cashCollected} (default: its total) (staff)");
    }

    private static async Task<IResult> Answer(MoveSubOrder cmd, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var order = await mediator.Send(cmd, ct);
        return TypedResults.Ok(CooperativeSubOrderView.Of(order, order.SubOrder(cmd.SubOrderId)!, Language.Of(http)));
    }
}
