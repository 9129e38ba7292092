using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Features;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Orders.Fulfilment;

/// <summary>A cooperative's sub-orders, newest first: those it can act on (cash on delivery, or paid by card).</summary>
internal sealed record ListCooperativeOrders(Guid CooperativeId, Guid UserId, bool IsAdmin, string? Status, PageRequest Page)
    : IRequest<PagedList<(Order Order, SubOrder SubOrder)>>;

internal sealed class ListCooperativeOrdersValidator : AbstractValidator<ListCooperativeOrders>
{
    public ListCooperativeOrdersValidator() => RuleFor(x => x.Status).Must(s => s is null || OrderFilters.ParseSubOrderStatus(s) is not null)
        .WithMessage("status is one of placed, accepted, shipped, delivered, cancelled.");
}

internal sealed class ListCooperativeOrdersHandler(IOrdersStore store, IMediator mediator)
    : IRequestHandler<ListCooperativeOrders, PagedList<(Order Order, SubOrder SubOrder)>>
{
    public async Task<PagedList<(Order Order, SubOrder SubOrder)>> Handle(ListCooperativeOrders query, CancellationToken ct)
    {
        await CooperativeStaff.EnsureAsync(mediator, query.CooperativeId, query.UserId, adminAllowed: true, query.IsAdmin, ct);
        await using var session = store.QuerySession();
        var coop = query.CooperativeId;
        // One order holds at most one sub-order per cooperative: a page of orders is a page of its sub-orders.
        var orders = session.Query<Order>().Where(o => o.OpenToCooperatives);
        orders = orders.WithSubOrderOf(store.Options.Serializer(), coop, OrderFilters.ParseSubOrderStatus(query.Status));
        var total = await orders.CountAsync(ct);
        var page = await orders.OrderByDescending(o => o.PlacedAt).Skip(query.Page.Skip).Take(query.Page.PageSize).ToListAsync(ct);
        return new PagedList<(Order, SubOrder)>(page.Select(o => (o, o.SubOrders.First(s => s.CooperativeId == coop))).ToList(),
            total, query.Page.Page, query.Page.PageSize);
    }
}

internal static class ListCooperativeOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("",
            async (Guid id, string? status, int? page, int? pageSize, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var list = await mediator.Send(new ListCooperativeOrders(id, http.User.UserId(), http.User.IsAdmin(), status,
                    PageRequest.From(page, pageSize)), ct);
                var language = Language.Of(http);
                return TypedResults.Ok(new PagedList<CooperativeSubOrderView>(
                    list.Items.Select(x => CooperativeSubOrderView.Of(x.Order, x.SubOrder, language)).ToList(), list.Total, list.Page,
                    list.PageSize));
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The cooperative's sub-orders to fulfil (staff); ?status=placed|accepted|shipped|delivered|cancelled, paging");
}
