using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Orders.Features;

internal sealed record GetOrder(Guid OrderId, Guid UserId, bool IsAdmin) : IRequest<Order>;

internal sealed class GetOrderHandler(IOrdersStore store) : IRequestHandler<GetOrder, Order>
{
    public async Task<Order> Handle(GetOrder query, CancellationToken ct) =>
        OrderAccess.ShopperOrAdmin(await store.LoadOrderAsync(query.OrderId, ct), query.UserId, query.IsAdmin);
}

internal static class OrderAccess
{
    /// <summary>The shopper who ordered, or an administrator; others are refused (403).</summary>
    public static Order ShopperOrAdmin(Order? order, Guid userId, bool isAdmin)
    {
        if (order is null) throw new NotFound("The order");
        return order.ShopperId == userId || isAdmin ? order : throw new Forbidden("This order is not yours.");
    }
}

internal static class GetOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}",
            async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(OrderView.Of(await mediator.Send(new GetOrder(id, http.User.UserId(), http.User.IsAdmin()), ct),
                    Language.Of(http))))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("One order: the shopper's own, or any for administrators");
}
