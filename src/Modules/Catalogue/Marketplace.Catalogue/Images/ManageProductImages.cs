using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Images;

internal sealed record DeleteProductImage(Guid CooperativeId, Guid ProductId, Guid ImageId, Guid ActingUserId) : IRequest;

/// <param name="ImageIds">every image of the product, once, in the new order (the first is the product's picture).</param>
internal sealed record ReorderProductImages(Guid CooperativeId, Guid ProductId, Guid ActingUserId, IReadOnlyList<Guid>? ImageIds)
    : IRequest<IReadOnlyList<ProductViews.ImageView>>;

internal sealed class ManageProductImagesHandler(ICatalogueStore store, IFileStorage files, IMediator mediator, TimeProvider clock,
    ILogger<ManageProductImagesHandler> logger)
    : IRequestHandler<DeleteProductImage, MediatR.Unit>, IRequestHandler<ReorderProductImages, IReadOnlyList<ProductViews.ImageView>>
{
    public async Task<MediatR.Unit> Handle(DeleteProductImage cmd, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActingUserId, mustBeVerified: false, ct);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Product>(cmd.ProductId, ct);
        var product = stream.Aggregate.OfCooperative(cmd.CooperativeId);
        var removed = ProductDecisions.RemoveImage(product, cmd.ImageId, cmd.ActingUserId, clock.GetUtcNow());
        var key = product.Images.Single(i => i.Id == cmd.ImageId).FileKey; // read before saving: the inline snapshot may update this instance
        stream.AppendOne(removed);
        await session.SaveChangesAsync(ct);
        try { await files.DeleteAsync(key, CancellationToken.None); }
        catch (IOException ex) { logger.LogWarning(ex, "Image file {Key} could not be deleted", key); } // unreachable now anyway
        return MediatR.Unit.Value;
    }

    public async Task<IReadOnlyList<ProductViews.ImageView>> Handle(ReorderProductImages cmd, CancellationToken ct)
    {
        if (cmd.ImageIds is null) throw new ValidationFailed("imageIds", "The image ids, in the new order, are required.");
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActingUserId, mustBeVerified: false, ct);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Product>(cmd.ProductId, ct);
        var product = stream.Aggregate.OfCooperative(cmd.CooperativeId);
        var reordered = ProductDecisions.ReorderImages(product, cmd.ImageIds, cmd.ActingUserId, clock.GetUtcNow());
        stream.AppendOne(reordered);
        await session.SaveChangesAsync(ct);
        product.Apply(reordered);
        return ProductViews.Images(product);
    }
}

internal static class ManageProductImagesEndpoints
{
    internal sealed record OrderBody(List<Guid>? ImageIds);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapDelete("/{productId:guid}/images/{imageId:guid}",
                async (Guid cooperativeId, Guid productId, Guid imageId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new DeleteProductImage(cooperativeId, productId, imageId, user.UserId()), ct);
                    return TypedResults.NoContent();
                })
            .WithSummary("Delete an image (staff)");
        group.MapPut("/{productId:guid}/images/order",
                (Guid cooperativeId, Guid productId, OrderBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                    mediator.Send(new ReorderProductImages(cooperativeId, productId, user.UserId(), body.ImageIds), ct))
            .WithSummary("Order the images (staff): every image id once; the first is the product's picture");
    }
}
