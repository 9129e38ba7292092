using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Features;

internal sealed class UpdateProductValidator : AbstractValidator<UpdateProduct>
{
    public UpdateProductValidator()
    {
        RuleFor(x => x.Version).NotNull().WithMessage("The version read is required (GET /api/products/{id}).").GreaterThan(0);
        this.AddListingRules(x => x.Sku, x => x.Category, x => x.Name, x => x.Description, x => x.Price, x => x.Unit,
            x => x.Labels, x => x.FoodSafetyNumber, x => x.Province);
        RuleFor(x => x.Stock).GreaterThanOrEqualTo(0).LessThanOrEqualTo(ListingRules.MaxStock);
    }
}

/// <summary>Staff edit a listing, if nobody edited it since they read it (409 otherwise, and nothing changes).</summary>
internal sealed class UpdateProductHandler(ICatalogueStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<UpdateProduct, long>
{
    public async Task<long> Handle(UpdateProduct cmd, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActingUserId, mustBeVerified: false, ct);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Product>(cmd.ProductId, ct);
        var product = stream.Aggregate.OfCooperative(cmd.CooperativeId);
        var listing = ListingRules.ToListing(cmd.Sku!, cmd.Category!, cmd.Name!, cmd.Description, cmd.Price!, cmd.Unit!, cmd.Labels,
            cmd.FoodSafetyNumber, cmd.Province ?? product.Province);
        if (product.IsPublished && listing.Category != product.Category)
            await FoodRule.RequireFoodSafetyAsync(session, mediator, cmd.CooperativeId, cmd.ProductId, listing.Category, MoroccoTime.Today(clock), ct);
        var skuKey = listing.Sku.ToUpperInvariant();
        if (skuKey != product.SkuKey && await session.Query<Product>().AnyAsync(p => p.CooperativeId == cmd.CooperativeId && p.SkuKey == skuKey, ct))
            throw CreateProductHandler.SkuTaken(listing.Sku);
        stream.AppendMany(ProductDecisions.Edit(product, cmd.Version!.Value, listing, cmd.Stock, cmd.ActingUserId, clock.GetUtcNow()));
        try { await session.SaveChangesAsync(ct); }
        catch (Exception ex) when (ex.IsUniqueViolation()) { throw CreateProductHandler.SkuTaken(listing.Sku); }
        return product.ListingVersion + 1;
    }
}

internal static class UpdateProductEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPut("/{productId:guid}",
            async (Guid cooperativeId, Guid productId, ProductBody body, ClaimsPrincipal user, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateProduct(cooperativeId, productId, user.UserId(), body.Version, body.Sku, body.Category, body.Name,
                    body.Description, body.Price, body.Unit, body.Stock, body.Labels, body.FoodSafetyNumber, body.Province), ct);
                return TypedResults.Ok(await mediator.Send(new GetProduct(productId, Language.Of(http), user.UserId()), ct));
            })
        .WithSummary("Edit a listing (staff), with the version read: 409 when someone changed it since");
}
