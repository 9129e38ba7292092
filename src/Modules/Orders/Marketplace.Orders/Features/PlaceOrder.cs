using JasperFx;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Payments;
using Marketplace.Tourism.Contracts;
using Marten;
using Marten.Exceptions;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Marketplace.Orders.Features;

/// <summary>Records that a shopper's Idempotency-Key stands for one request body that was refused (nothing reserved, no
/// order), so that the key answers 422 to another body as it would after an order.</summary>
internal sealed record CheckoutClaim(Guid Id, Guid ShopperId, string RequestHash, DateTimeOffset At);

/// <summary>
/// Checkout, each step idempotent so that a retry with the same key completes what a crash left: the order id follows
/// from (shopper, key); one statement reads the order (a retry), a refused request's claim of the key, and the next order
/// number; one request to Catalogue reads the products and reserves their stock for the order id under their locks;
/// the order stream is started once; the card payment is asked with an idempotency key.
/// <para>
/// Two durable commits per order (the reservation in Catalogue's store, the order in ours), not three: the key is
/// claimed for the body by the reservation itself (it keeps the body's fingerprint, committed with the stock it holds),
/// then by the order stream (its id is unique, and it keeps the fingerprint too). Same key, same body: the reservation is
/// answered as it was and the first order stream wins (a twin's start fails and answers the order). Same key, another
/// body: Catalogue refuses to reserve for another fingerprint, or the order that stands has another fingerprint: 422.
/// A crash after the reservation leaves it with the fingerprint: the retry finds it and places the order on it. Only a
/// refused request (nothing reserved) claims the key with a <see cref="CheckoutClaim"/> document, so that another body
/// with its key is a 422 too; the happy path never writes it.
/// </para>
/// </summary>
internal sealed class PlaceOrderHandler(IOrdersStore store, IMediator mediator, IPaymentGateway gateway, CardPayments payments,
    PlaceOrderLookup lookup, TimeProvider clock, IOptions<OrdersOptions> options) : IRequestHandler<PlaceOrder, PlaceOrder.Outcome>
{
    public async Task<PlaceOrder.Outcome> Handle(PlaceOrder cmd, CancellationToken ct)
    {
        var orderId = Checkout.OrderId(cmd.ShopperId, cmd.IdempotencyKey!);
        var hash = cmd.RequestHash();
        var known = await lookup.FindAsync(orderId, ct);
        if (known.Order is { } existing) return await Again(existing, hash, cmd.Language, ct);
        if (known.ClaimedFor is { } claimed && claimed != hash) throw KeyReused();

        var method = cmd.Method();
        if (method == PaymentMethod.Card && !gateway.IsConfigured)
            throw new ValidationFailed("paymentMethod", "Card payments are not available on this platform yet: choose cash_on_delivery.");

        var (cart, bookings) = (cmd.Cart(), cmd.Bookings());
        var seats = await BookingCheckout.ReserveSeatsAsync(mediator, orderId, bookings, hash, ct); // before the stock: seats are given back at once
        if (seats is { ReservedForAnotherRequest: true }) throw KeyReused();
        if (seats is { Succeeded: false })
        {
            if (known.ClaimedFor is null) await ClaimRefusedAsync(orderId, cmd.ShopperId, hash, ct);
            BookingCheckout.ThrowRefusal(seats);
        }
        var checkout = cart.Count == 0 ? null
            : await mediator.Send(new ReserveForCheckout(orderId, cart.Select(l => new StockLine(l.ProductId, l.Quantity)).ToList(), hash), ct);
        if (checkout is { ReservedForAnotherRequest: true }) throw KeyReused();
        var products = checkout?.Products ?? [];
        if (checkout is { Reservation.Succeeded: false })
        {
            if (known.ClaimedFor is null) await ClaimRefusedAsync(orderId, cmd.ShopperId, hash, ct);
            if (seats is not null) await mediator.Send(new ReleaseSeatsForCheckout(orderId), ct);
            CheckoutRefusals.ThrowIfUnknown(cmd, products);
            CheckoutRefusals.ThrowIfNotPurchasable(cart, products);
            CheckoutRefusals.ThrowShortages(checkout.Reservation, products);
        }

        var policies = await mediator.Send(new GetShippingPolicies(products.Select(p => p.CooperativeId).Distinct().ToList()), ct);
        var now = clock.GetUtcNow();
        var placed = Checkout.Place(orderId, OrderNumbers.Format(now.Year, known.Number!.Value), cmd.ShopperId, method, cart, products,
            policies, cmd.Destination(), hash, now, options.Value.PaymentTimeout, bookings, seats?.Slots) with { CardFlow = cmd.Flow() };
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
                return await Again((await store.LoadOrderAsync(orderId, ct))!, hash, cmd.Language, ct); // a concurrent retry placed it first
            }
        }
        var order = new Order().Then(placed);
        return new PlaceOrder.Outcome(await payments.EnsureRequestedAsync(order, cmd.Language, ct), Created: true);
    }

    /// <summary>The same key again: the same order for the same body (completing its payment request), else 422.</summary>
    private async Task<PlaceOrder.Outcome> Again(Order order, string hash, string language, CancellationToken ct) =>
        order.RequestHash == hash
            ? new PlaceOrder.Outcome(await payments.EnsureRequestedAsync(order, language, ct), Created: false)
            : throw KeyReused();

    /// <summary>A refused request keeps its key for its body (a twin that claimed it first keeps it).</summary>
    private async Task ClaimRefusedAsync(Guid orderId, Guid shopperId, string hash, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Insert(new CheckoutClaim(orderId, shopperId, hash, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DocumentAlreadyExistsException || e.IsUniqueViolation())
        {
            // claimed meanwhile by a twin: the refusal below answers this request either way
        }
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
                    body?.PaymentMethod, body?.CardFlow, Language.Of(http)), ct);
                var view = OrderView.Of(outcome.Order, Language.Of(http));
                return outcome.Created ? Results.Created($"/api/orders/{view.Id}", view) : Results.Ok(view);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .RequireRateLimiting(Identity.RateLimits.Checkout)
        .WithSummary("Checkout: one order, one sub-order per cooperative; the same Idempotency-Key answers the same order");
}
