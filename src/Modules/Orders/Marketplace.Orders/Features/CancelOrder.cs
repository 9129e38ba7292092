using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Payments;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Orders.Features;

internal sealed record CancelOrder(Guid OrderId, Guid UserId) : IRequest<Order>;

/// <summary>
/// The shopper cancels before anything ships: an unpaid card payment is stopped first (so it cannot succeed
/// afterwards), the cancellation is recorded (its stock returns through the integration event), and money received
/// is refunded once. When the gateway is down the cancellation stands and the payment is refund_pending: the refunds
/// job completes it, and so does calling this again. Only the shopper who ordered may cancel (API.md): an administrator
/// may read the order but not cancel it as if they were its shopper.
/// </summary>
internal sealed class CancelOrderHandler(IOrdersStore store, CardPayments payments, IMediator mediator, TimeProvider clock)
    : IRequestHandler<CancelOrder, Order>
{
    public async Task<Order> Handle(CancelOrder cmd, CancellationToken ct)
    {
        var order = OrderAccess.ShopperOrAdmin(await store.LoadOrderAsync(cmd.OrderId, ct), cmd.UserId, isAdmin: false);
        if (order.Status == OrderStatus.Cancelled && order.Payment.RefundDue) return await payments.IssueRefundsAsync(order, ct);
        _ = order.CancelByShopper(cmd.UserId, clock.GetUtcNow()); // refuses early, before the payment is touched
        if (order.Status == OrderStatus.PendingPayment && await payments.StopPaymentAsync(order, ct) is { } late)
        {
            if (!late.Succeeded)
                throw new DomainRuleViolated("payment_in_progress",
                    $"The payment of order {order.Number} is being processed: try again in a moment to cancel it with a refund.");
            await mediator.Send(RecordPaymentOutcome.Checked(late, order.Id), ct); // paid at the last moment: cancelled with a refund
        }
        order = await store.UpdateAsync(order.Id, o => o.CancelByShopper(cmd.UserId, clock.GetUtcNow()), ct);
        return await payments.IssueRefundsAsync(order, ct);
    }
}

internal static class CancelOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/cancel",
            async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(OrderView.Of(await mediator.Send(new CancelOrder(id, http.User.UserId()), ct),
                    Language.Of(http))))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Cancel my order before any part of it ships: stock returns, a card payment is refunded");
}
