using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Features;

/// <summary>A cooperative's own products, drafts included, newest first: for its staff (the cooperative space).</summary>
internal sealed record ListCooperativeProducts(Guid CooperativeId, Guid ActingUserId, string? Status, PageRequest Page, string Language)
    : IRequest<PagedList<ProductViews.Item>>;

internal sealed class ListCooperativeProductsHandler(ICatalogueStore store, CooperativeNames names, IMediator mediator)
    : IRequestHandler<ListCooperativeProducts, PagedList<ProductViews.Item>>
{
    public async Task<PagedList<ProductViews.Item>> Handle(ListCooperativeProducts query, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(query.CooperativeId, query.ActingUserId, mustBeVerified: false, ct);
        if (query.Status is not (null or ProductStatus.Draft or ProductStatus.Published))
            throw new ValidationFailed("status", "status is draft or published.");
        await using var session = store.QuerySession();
        var products = session.Query<Product>().Where(p => p.CooperativeId == query.CooperativeId);
        if (query.Status is { } status) products = products.Where(p => p.Status == status);
        var total = await products.CountAsync(ct);
        var page = await products.OrderByDescending(p => p.CreatedAt).Skip(query.Page.Skip).Take(query.Page.PageSize).ToListAsync(ct);
        var cooperatives = await names.OfAsync(mediator, [query.CooperativeId], ct);
        return new PagedList<ProductViews.Item>(page.Select(p => p.ToItem(cooperatives, query.Language)).ToList(), total,
            query.Page.Page, query.Page.PageSize);
    }
}

internal static class ListCooperativeProductsEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/",
            (Guid cooperativeId, string? status, int? page, int? pageSize, ClaimsPrincipal user, HttpContext http, IMediator mediator,
                    CancellationToken ct) =>
                mediator.Send(new ListCooperativeProducts(cooperativeId, user.UserId(), string.IsNullOrWhiteSpace(status) ? null : status,
                    PageRequest.From(page, pageSize), Language.Of(http)), ct))
        .WithSummary("The cooperative's products, drafts included (staff); ?status=draft|published");
}
