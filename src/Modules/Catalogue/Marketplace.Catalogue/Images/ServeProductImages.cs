using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Images;

/// <summary>
/// A product's images: the list (as visible as the product), and each file, as visible as its product too: the public sees
/// the images of published products of cooperatives in good standing; the cooperative's staff and administrators see
/// those of drafts and of suspended cooperatives, never cached by others. A public file never changes under its id, so
/// it is served as immutable for a year, with an ETag and Last-Modified (304 to conditional requests).
/// </summary>
internal static class ServeProductImagesEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{productId:guid}/images",
                async (Guid productId, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok((await mediator.Send(new GetProduct(productId, Language.Of(http), user.ViewerId(), user.IsAdmin()), ct)).Images))
            .AllowAnonymous()
            .WithSummary("A product's images, in order");
        group.MapGet("/{productId:guid}/images/{imageId:guid}",
                async (Guid productId, Guid imageId, HttpContext http, ClaimsPrincipal user, ICatalogueStore store, IFileStorage files,
                    IMediator mediator, CancellationToken ct) =>
                {
                    await using var session = store.QuerySession();
                    var product = await session.LoadAsync<Product>(productId, ct);
                    var image = product?.Images.Find(i => i.Id == imageId) ?? throw new NotFound("The image");
                    var isPublic = product!.IsPublished && (await session.LoadAsync<CooperativeStanding>(product.CooperativeId, ct))?.Suspended != true;
                    if (!isPublic && !await MaySeeAsync(user, product.CooperativeId, mediator, ct)) throw new NotFound("The image");
                    var content = await files.OpenAsync(image.FileKey, ct) ?? throw new NotFound("The image");
                    return StoredImages.Serve(http, content, image.ContentType, image.Id, image.AddedAt, isPublic);
                })
            .AllowAnonymous()
            .WithSummary("An image file, cacheable for a year (those of drafts and suspended cooperatives: their staff and administrators only)");
    }

    private static async Task<bool> MaySeeAsync(ClaimsPrincipal user, Guid cooperativeId, IMediator mediator, CancellationToken ct) =>
        user.IsAdmin() || user.ViewerId() is { } viewer
        && (await mediator.Send(new Cooperatives.Contracts.GetCooperativeAccess(cooperativeId, viewer), ct))?.IsStaff == true;
}
