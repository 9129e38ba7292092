using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Orders.Features;

/// <param name="ShopperId">whose orders; null: everyone's (administrators only).</param>
internal sealed record ListOrders(Guid? ShopperId, string? Status, PageRequest Page) : IRequest<PagedList<Order>>;

internal sealed class ListOrdersValidator : AbstractValidator<ListOrders>
{
    public ListOrdersValidator() => RuleFor(x => x.Status).Must(s => s is null || OrderFilters.ParseStatus(s) is not null)
        .WithMessage("status is one of pending_payment, placed, paid, partially_shipped, shipped, delivered, cancelled.");
}

internal sealed class ListOrdersHandler(IOrdersStore store) : IRequestHandler<ListOrders, PagedList<Order>>
{
    public async Task<PagedList<Order>> Handle(ListOrders query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        IQueryable<Order> orders = session.Query<Order>();
        if (query.ShopperId is { } shopper) orders = orders.Where(o => o.ShopperId == shopper);
        if (OrderFilters.ParseStatus(query.Status) is { } status) orders = orders.Where(o => o.Status == status);
        var total = await orders.CountAsync(ct);
        var page = await orders.OrderByDescending(o => o.PlacedAt).Skip(query.Page.Skip).Take(query.Page.PageSize).ToListAsync(ct);
        return new PagedList<Order>(page.ToList(), total, query.Page.Page, query.Page.PageSize);
    }
}

internal static class OrderFilters
{
    public static OrderStatus? ParseStatus(string? s) =>
        Enum.GetValues<OrderStatus>().Cast<OrderStatus?>().FirstOrDefault(v => Snake(v!.Value.ToString()) == s);

    public static SubOrderStatus? ParseSubOrderStatus(string? s) =>
        Enum.GetValues<SubOrderStatus>().Cast<SubOrderStatus?>().FirstOrDefault(v => Snake(v!.Value.ToString()) == s);

    private static string Snake(string pascal) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);
}

internal static class ListOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("",
            async (string? status, int? page, int? pageSize, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var user = http.User;
                var list = await mediator.Send(new ListOrders(user.IsAdmin() ? null : user.UserId(), status, PageRequest.From(page, pageSize)), ct);
                var language = Language.Of(http);
                return TypedResults.Ok(new PagedList<OrderView>(list.Items.Select(o => OrderView.Of(o, language)).ToList(),
                    list.Total, list.Page, list.PageSize));
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("My orders, newest first (administrators: everyone's); ?status=, paging");
}
