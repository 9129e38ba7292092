using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Payments;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Orders.Features;

/// <summary>
/// "Pay now": a fresh hosted payment page for an unpaid card order of the shopper. The open attempt is stopped at the
/// provider first (a Checkout Session expired, a PaymentIntent cancelled), so that one attempt is open at a time; one that
/// went through meanwhile is recorded as paid (and the answer is 409). Paid, cancelled or past its time: 409.
/// </summary>
internal sealed record PayOrder(Guid OrderId, Guid UserId, string Language) : IRequest<Order>;

internal sealed class PayOrderHandler(IOrdersStore store, CardPayments payments, IMediator mediator, TimeProvider clock)
    : IRequestHandler<PayOrder, Order>
{
    public async Task<Order> Handle(PayOrder cmd, CancellationToken ct)
    {
        var order = OrderAccess.ShopperOrAdmin(await store.LoadOrderAsync(cmd.OrderId, ct), cmd.UserId, isAdmin: false);
        order.EnsurePayable(clock.GetUtcNow());
        if (await payments.StopPaymentAsync(order, ct) is { } late)
        {
            if (late.Succeeded) await mediator.Send(RecordPaymentOutcome.Checked(late, order.Id), ct); // paid meanwhile: it stands
            throw new DomainRuleViolated(late.Succeeded ? "already_paid" : "payment_in_progress",
                $"The payment of order {order.Number} {(late.Succeeded ? "went through" : "is being processed")}: nothing more to pay.");
        }
        return await payments.OpenNewAttemptAsync(order, cmd.Language, ct);
    }
}

internal sealed class PayShopperOrderHandler(IMediator mediator) : IRequestHandler<PayShopperOrder, string>
{
    public async Task<string> Handle(PayShopperOrder cmd, CancellationToken ct) =>
        (await mediator.Send(new PayOrder(cmd.OrderId, cmd.UserId, cmd.Language), ct)).Payment.CheckoutUrl!;
}

internal static class PayOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/pay",
            async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new PayOrder(id, http.User.UserId(), Language.Of(http)), ct);
                return TypedResults.Ok(new { checkoutUrl = order.Payment.CheckoutUrl });
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Pay now: a fresh hosted payment page for an unpaid card order (the open one is expired at the provider)");
}
