using JasperFx;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Payments;
using Marten;
using Marten.Exceptions;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Marketplace.Orders.Features;

/// <summary>Records that a shopper's Idempotency-Key stands for one request body, before anything is reserved for it.</summary>
internal sealed record CheckoutClaim(Guid Id, Guid ShopperId, string RequestHash, DateTimeOffset At);

/// <summary>
/// Checkout, each step idempotent so that a retry with the same key completes what a crash left: the order id
/// follows from (shopper, key); the key is claimed for the body; Catalogue reserves stock for the order id (its
/// request is idempotent too); the order stream is started once; the card payment is asked with an idempotency key.
/// </summary>
internal sealed class PlaceOrderHandler(IOrdersStore store, IMediator mediator, IPaymentGateway gateway, CardPayments payments,
    OrderNumbers numbers, TimeProvider clock, IOptions<OrdersOptions> options) : IRequestHandler<PlaceOrder, PlaceOrder.Outcome>
{
    public async Task<PlaceOrder.Outcome> Handle(PlaceOrder cmd, CancellationToken ct)
    {
        var orderId = Checkout.OrderId(cmd.ShopperId, cmd.IdempotencyKey!);
        var hash = cmd.RequestHash();
        if (await store.LoadOrderAsync(orderId, ct) is { } existing) return await Again(existing, hash, ct);

        var method = cmd.Method();
        if (method == PaymentMethod.Card && !gateway.IsConfigured)
            throw new ValidationFailed("paymentMethod", "Card payments are not available on this platform yet: choose cash_on_delivery.");
        await ClaimAsync(orderId, cmd.ShopperId, hash, ct);

        var cart = cmd.Cart();
        var products = await mediator.Send(new GetProductsForCheckout(cart.Select(l => l.ProductId).ToList()), ct);
        CheckoutRefusals.ThrowIfUnknown(cmd, products);
        CheckoutRefusals.ThrowIfNotPurchasable(cart, products);

        var reservation = await mediator.Send(new ReserveStock(orderId, cart.Select(l => new StockLine(l.ProductId, l.Quantity)).ToList()), ct);
        if (!reservation.Succeeded) CheckoutRefusals.ThrowShortages(reservation, products);

        var policies = await mediator.Send(new GetShippingPolicies(products.Select(p => p.CooperativeId).Distinct().ToList()), ct);
        var now = clock.GetUtcNow();
        var placed = Checkout.Place(orderId, await numbers.NextAsync(now, ct), cmd.ShopperId, method, cart, products, policies,
            cmd.Destination(), hash, now, options.Value.PaymentTimeout);
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Order>(orderId, placed);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
                                          || e.IsUniqueViolation() || e.IsConcurrencyConflict())
            {
                return await Again((await store.LoadOrderAsync(orderId, ct))!, hash, ct); // a concurrent retry placed it first
            }
        }
        var order = new Order().Then(placed);
        return new PlaceOrder.Outcome(await payments.EnsureRequestedAsync(order, ct), Created: true);
    }

    /// <summary>The same key again: the same order for the same body (completing its payment request), else 422.</summary>
    private async Task<PlaceOrder.Outcome> Again(Order order, string hash, CancellationToken ct) =>
        order.RequestHash == hash
            ? new PlaceOrder.Outcome(await payments.EnsureRequestedAsync(order, ct), Created: false)
            : throw KeyReused();

    private async Task ClaimAsync(Guid orderId, Guid shopperId, string hash, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var claim = await session.LoadAsync<CheckoutClaim>(orderId, ct);
        if (claim is null)
        {
            session.Insert(new CheckoutClaim(orderId, shopperId, hash, clock.GetUtcNow()));
            try
            {
                await session.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException || e.IsUniqueViolation())
            {
                await using var again = store.QuerySession();
                claim = await again.LoadAsync<CheckoutClaim>(orderId, ct);
            }
        }
        if (claim!.RequestHash != hash) throw KeyReused();
    }

    private static Unprocessable KeyReused() =>
        new("This Idempotency-Key was already used for another order request: use a new key for a new order.");
}

internal static class PlaceOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("",
            async ([FromHeader(Name = "Idempotency-Key")] string? key, CheckoutBody? body, HttpContext http, IMediator mediator,
                CancellationToken ct) =>
            {
                var outcome = await mediator.Send(new PlaceOrder(http.User.UserId(), key, body?.Lines, body?.ShippingAddress,
                    body?.PaymentMethod), ct);
                var view = OrderView.Of(outcome.Order, Language.Of(http));
                return outcome.Created ? Results.Created($"/api/orders/{view.Id}", view) : Results.Ok(view);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .RequireRateLimiting(Identity.RateLimits.Checkout)
        .WithSummary("Checkout: one order, one sub-order per cooperative; the same Idempotency-Key answers the same order");
}
