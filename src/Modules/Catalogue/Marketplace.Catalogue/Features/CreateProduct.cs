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

internal sealed class CreateProductValidator : AbstractValidator<CreateProduct>
{
    public CreateProductValidator()
    {
        this.AddListingRules(x => x.Sku, x => x.Category, x => x.Name, x => x.Description, x => x.Price, x => x.Unit,
            x => x.Labels, x => x.FoodSafetyNumber, x => x.Province);
        RuleFor(x => x.Stock).NotNull().WithMessage("The stock on hand is required (0 or more).")
            .GreaterThanOrEqualTo(0).LessThanOrEqualTo(ListingRules.MaxStock);
    }
}

/// <summary>Staff of a verified cooperative list a product: a draft, until they publish it.</summary>
internal sealed class CreateProductHandler(ICatalogueStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<CreateProduct, Guid>
{
    public async Task<Guid> Handle(CreateProduct cmd, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActingUserId, mustBeVerified: true, ct);
        var province = cmd.Province ?? (await mediator.CooperativesAsync([cmd.CooperativeId], ct)).GetValueOrDefault(cmd.CooperativeId)?.Province
            ?? throw new ValidationFailed("province", "A province is required.");
        var listing = ListingRules.ToListing(cmd.Sku!, cmd.Category!, cmd.Name!, cmd.Description, cmd.Price!, cmd.Unit!, cmd.Labels,
            cmd.FoodSafetyNumber, province);
        var id = Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        if (await session.Query<Product>().AnyAsync(p => p.CooperativeId == cmd.CooperativeId && p.SkuKey == listing.Sku.ToUpperInvariant(), ct))
            throw SkuTaken(listing.Sku);
        session.Events.StartStream<Product>(id, ProductDecisions.List(id, cmd.CooperativeId, listing, cmd.Stock!.Value, cmd.ActingUserId, clock.GetUtcNow()));
        try { await session.SaveChangesAsync(ct); }
        catch (Exception ex) when (ex.IsUniqueViolation()) { throw SkuTaken(listing.Sku); } // the same sku at the same moment
        return id;
    }

    public static DomainRuleViolated SkuTaken(string sku) =>
        new("sku_taken", $"The cooperative already has a product with sku '{sku}'.");
}

internal static class CreateProductEndpoint
{
    internal sealed record Created(Guid Id, string Status);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/",
            async (Guid cooperativeId, ProductBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateProduct(cooperativeId, user.UserId(), body.Sku, body.Category, body.Name,
                    body.Description, body.Price, body.Unit, body.Stock, body.Labels, body.FoodSafetyNumber, body.Province), ct);
                return TypedResults.Created($"/api/products/{id}", new Created(id, ProductStatus.Draft));
            })
        .WithSummary("List a product (staff of a verified cooperative): a draft until published");
}

/// <summary>The JSON body of POST and PUT .../products (PUT adds version).</summary>
internal sealed record ProductBody(string? Sku, string? Category, Dictionary<string, string?>? Name, Dictionary<string, string?>? Description,
    ProductPrice? Price, string? Unit, int? Stock, List<string>? Labels, string? FoodSafetyNumber, string? Province, long? Version);
