using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;

namespace Marketplace.Orders.Fulfilment;

internal static class CooperativeStaff
{
    /// <summary>The user works for the cooperative (asked of the Cooperatives module); administrators may read.</summary>
    public static async Task EnsureAsync(IMediator mediator, Guid cooperativeId, Guid userId, bool adminAllowed, bool isAdmin,
        CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, userId), ct);
        if (access is null && !(adminAllowed && isAdmin)) throw new NotFound("The cooperative");
        if (access is { IsStaff: true } || (adminAllowed && isAdmin)) return;
        throw new Forbidden("Only the cooperative's staff can see and fulfil its orders.");
    }

    /// <summary>The order that holds this cooperative's sub-order; 404 when it is not this cooperative's.</summary>
    public static async Task<Order> OrderOfSubOrderAsync(IOrdersStore store, Guid cooperativeId, Guid subOrderId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var order = await session.LoadAsync<SubOrderOwner>(subOrderId, ct) is { } owner ? await session.LoadAsync<Order>(owner.OrderId, ct) : null;
        return order?.SubOrder(subOrderId)?.CooperativeId == cooperativeId ? order : throw new NotFound("The sub-order");
    }
}
