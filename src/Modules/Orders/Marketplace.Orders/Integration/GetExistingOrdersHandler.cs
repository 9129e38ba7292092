using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;

namespace Marketplace.Orders.Integration;

internal sealed class GetExistingOrdersHandler(IOrdersStore store) : IRequestHandler<GetExistingOrders, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(GetExistingOrders query, CancellationToken ct)
    {
        if (query.OrderIds.Count == 0) return [];
        await using var session = store.QuerySession();
        var ids = query.OrderIds.Distinct().ToArray();
        return await session.Query<Order>().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
    }
}
