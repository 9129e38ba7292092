using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Features;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Marketplace.Orders.Fulfilment;

/// <summary>
/// Benchmark data (<see cref="BenchLoading"/>): many orders placed, paid (card) and delivered at once, each stream with
/// the events that checkout, the gateway's confirmation and the cooperatives' accept, ship and deliver would record,
/// through the same decide functions (<see cref="Checkout.Place"/>, <see cref="OrderDecisions"/>). The outbox then tells
/// Catalogue and Payouts, as for any order. Stock is not reserved first: Catalogue sells what is available.
/// </summary>
internal sealed record BenchDeliveredOrders(Guid StaffId, IReadOnlyList<PlaceOrder> Orders) : IRequest<IReadOnlyList<Guid>>;

internal sealed class BenchDeliveredOrdersValidator : AbstractValidator<BenchDeliveredOrders>
{
    public BenchDeliveredOrdersValidator()
    {
        RuleFor(x => x.Orders).NotEmpty().Must(o => o is null || o.Count <= BenchLoading.MaxBatch)
            .WithMessage($"At most {BenchLoading.MaxBatch} orders at a time.");
        RuleForEach(x => x.Orders).SetValidator(new PlaceOrderValidator());
    }
}

internal sealed class BenchDeliveredOrdersHandler(IOrdersStore store, IMediator mediator, OrderNumbers numbers, TimeProvider clock,
    IOptions<OrdersOptions> options) : IRequestHandler<BenchDeliveredOrders, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(BenchDeliveredOrders cmd, CancellationToken ct)
    {
        var wanted = cmd.Orders.SelectMany(o => o.Cart()).Select(l => l.ProductId).Distinct().ToList();
        var products = await mediator.Send(new GetProductsForCheckout(wanted), ct);
        if (products.Count != wanted.Count || products.Any(p => !p.IsPurchasable))
            throw new DomainRuleViolated("not_purchasable", "Every product of the batch must exist and be on sale.");
        var policies = await mediator.Send(new GetShippingPolicies(products.Select(p => p.CooperativeId).Distinct().ToList()), ct);
        var now = clock.GetUtcNow();
        var ids = new List<Guid>(cmd.Orders.Count);
        await using var session = store.LightweightSession();
        foreach (var o in cmd.Orders)
        {
            var id = Checkout.OrderId(o.ShopperId, o.IdempotencyKey!);
            var placed = Checkout.Place(id, await numbers.NextAsync(now, ct), o.ShopperId, o.Method(), o.Cart(), products, policies,
                o.Destination(), o.RequestHash(), now, options.Value.PaymentTimeout);
            var order = new Order().Then(placed);
            var events = new List<IDomainEvent> { placed };
            void Then(IReadOnlyList<IDomainEvent> next)
            {
                foreach (var e in next) order.Then(e);
                events.AddRange(next);
            }
            if (order.Method == PaymentMethod.Card) Then(order.ConfirmPayment("bench", $"bench_{id:N}", order.Total, now).Events);
            foreach (var sub in order.SubOrders.Select(s => s.Id).ToList())
            {
                Then(order.Accept(sub, cmd.StaffId, now));
                Then(order.Ship(sub, "bench", $"BENCH-{sub:N}", cmd.StaffId, now));
                Then(order.Deliver(sub, null, cmd.StaffId, now));
            }
            session.Events.StartStream<Order>(id, events.Cast<object>().ToArray());
            ids.Add(id);
        }
        await session.SaveChangesAsync(ct);
        return ids;
    }
}

internal static class BenchDeliveredOrdersEndpoint
{
    /// <param name="StaffId">who accepts, ships and delivers every sub-order (a cooperative's owner).</param>
    internal sealed record Body(Guid StaffId, IReadOnlyList<Item>? Orders);

    internal sealed record Item(Guid ShopperId, string? Key, CheckoutBody? Order);

    public static void Map(RouteGroupBuilder bench) => bench.MapPost("/delivered-orders",
        async (Body body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new BenchDeliveredOrders(body.StaffId, (body.Orders ?? []).Select(o =>
                new PlaceOrder(o.ShopperId, o.Key, o.Order?.Lines, o.Order?.ShippingAddress, o.Order?.PaymentMethod)).ToList()), ct)));
}
