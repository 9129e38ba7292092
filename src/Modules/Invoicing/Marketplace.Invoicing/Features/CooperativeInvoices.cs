using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Invoicing.Issuing;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Invoicing.Features;

internal sealed class ListCooperativeInvoicesHandler(IMediator mediator, IInvoicingStore store)
    : IRequestHandler<ListCooperativeInvoices, CooperativeInvoicePage>
{
    public async Task<CooperativeInvoicePage> Handle(ListCooperativeInvoices query, CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(query.CooperativeId, query.ViewerId), ct) ?? throw new NotFound("The cooperative");
        if (!access.IsStaff && !query.ViewerIsAdmin) throw new Forbidden("Only the cooperative's staff and administrators read its invoices.");
        var paging = PageRequest.From(query.Page, query.PageSize);
        await using var session = store.QuerySession();
        var all = session.Query<IssuedInvoice>().Where(i => i.SeriesId == query.CooperativeId); // its own series: what it sold
        var total = await all.CountAsync(ct);
        var items = await all.OrderByDescending(i => i.IssuedAt).Skip(paging.Skip).Take(paging.PageSize)
            .Select(i => new CooperativeInvoiceItem(i.Number, i.Kind, i.IssuedAt, i.OrderId, i.Document.OrderNumber, i.SubOrderId, i.Total,
                i.Document.Currency))
            .ToListAsync(ct);
        return new CooperativeInvoicePage(items, total, paging.Page, paging.PageSize);
    }
}

internal sealed class CountInvoicesWaitingHandler(IInvoicingStore store) : IRequestHandler<CountInvoicesWaiting, int>
{
    public async Task<int> Handle(CountInvoicesWaiting query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<WaitingInvoice>().CountAsync(w => w.CooperativeId == query.CooperativeId, ct);
    }
}

internal static class CooperativeInvoicesEndpoint
{
    public static void Map(RouteGroupBuilder cooperatives) => cooperatives.MapGet("/{id:guid}/invoices",
            async (Guid id, int? page, int? pageSize, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var list = await mediator.Send(new ListCooperativeInvoices(id, user.UserId(), user.IsAdmin(), page ?? 1, pageSize ?? 20), ct);
                return TypedResults.Ok(new
                {
                    items = list.Items.Select(i => new { i.Number, i.Kind, i.IssuedAt, i.SubOrderId, i.OrderId, i.OrderNumber, total = new Money(i.Total, i.Currency) }),
                    list.Total, list.Page, list.PageSize,
                });
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The cooperative's invoices and credit notes, newest first (staff, administrators)");
}
