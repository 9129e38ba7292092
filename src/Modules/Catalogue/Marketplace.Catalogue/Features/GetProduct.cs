using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Features;

/// <summary>
/// A product's details. Anyone sees a published product of a cooperative that is not suspended; its cooperative's
/// staff and administrators also see drafts and hidden ones (to edit them). Otherwise 404.
/// </summary>
internal sealed record GetProduct(Guid ProductId, string Language, Guid? ViewerId = null, bool ViewerIsAdmin = false) : IRequest<ProductViews.Details>;

internal sealed class GetProductHandler(ProductPageSql sql, CooperativeNames names, IMediator mediator) : IRequestHandler<GetProduct, ProductViews.Details>
{
    public async Task<ProductViews.Details> Handle(GetProduct query, CancellationToken ct)
    {
        var (product, suspended) = await sql.FindAsync(query.ProductId, ct) ?? throw new NotFound("The product");
        if ((!product.IsPublished || suspended) && !query.ViewerIsAdmin && !await IsStaffAsync(product.CooperativeId, query.ViewerId, ct))
            throw new NotFound("The product");
        return product.ToDetails(await names.OfAsync(mediator, [product.CooperativeId], ct), query.Language);
    }

    private async Task<bool> IsStaffAsync(Guid cooperativeId, Guid? viewer, CancellationToken ct) =>
        viewer is { } id && (await mediator.Send(new GetCooperativeAccess(cooperativeId, id), ct))?.IsStaff == true;
}

internal static class GetProductEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{productId:guid}",
            async (Guid productId, ClaimsPrincipal user, IMediator mediator, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProduct(productId, Language.Of(http), user.ViewerId(), user.IsAdmin()), ct)))
        .AllowAnonymous()
        .WithSummary("A product's details, with its stock (what can be bought now) and version");
}
