using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Features;

/// <summary>
/// Benchmark data (<see cref="BenchLoading"/>): many products listed and published at once, each with the events that
/// POST .../products then .../publish would record (ProductListed, ProductPublished: the same stream and inline
/// snapshot), many streams in one session. Each product passes the rules of <see cref="CreateProductValidator"/>;
/// its cooperative must be verified. The staff check is the route's: administrators only.
/// </summary>
internal sealed record BenchListProducts(IReadOnlyList<CreateProduct> Products) : IRequest<IReadOnlyList<Guid>>;

internal sealed class BenchListProductsValidator : AbstractValidator<BenchListProducts>
{
    public BenchListProductsValidator()
    {
        RuleFor(x => x.Products).NotEmpty().Must(p => p is null || p.Count <= BenchLoading.MaxBatch)
            .WithMessage($"At most {BenchLoading.MaxBatch} products at a time.");
        RuleForEach(x => x.Products).SetValidator(new CreateProductValidator());
    }
}

internal sealed class BenchListProductsHandler(ICatalogueStore store, IMediator mediator, TimeProvider clock)
    : IRequestHandler<BenchListProducts, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(BenchListProducts cmd, CancellationToken ct)
    {
        var cooperatives = await mediator.CooperativesAsync(cmd.Products.Select(p => p.CooperativeId), ct);
        var unverified = cmd.Products.Select(p => p.CooperativeId).Distinct()
            .Where(id => cooperatives.GetValueOrDefault(id)?.Status != CooperativeStatus.Verified).ToList();
        if (unverified.Count > 0)
            throw new DomainRuleViolated("cooperative_not_verified", $"Not verified: {string.Join(", ", unverified)}.");
        var now = clock.GetUtcNow();
        var ids = new List<Guid>(cmd.Products.Count);
        await using var session = store.LightweightSession();
        foreach (var p in cmd.Products)
        {
            var listing = ListingRules.ToListing(p.Sku!, p.Category!, p.Name!, p.Description, p.Price!, p.Unit!, p.Labels,
                p.FoodSafetyNumber, p.Province ?? cooperatives[p.CooperativeId].Province);
            var id = Guid.CreateVersion7();
            var listed = ProductDecisions.List(id, p.CooperativeId, listing, p.Stock!.Value, p.ActingUserId, now);
            var product = new Product();
            product.Apply(listed);
            session.Events.StartStream<Product>(id, [listed, .. ProductDecisions.Publish(product, p.ActingUserId, now)]);
            ids.Add(id);
        }
        try { await session.SaveChangesAsync(ct); }
        catch (Exception ex) when (ex.IsUniqueViolation()) { throw new DomainRuleViolated("sku_taken", "A sku of this batch is taken."); }
        return ids;
    }
}

internal static class BenchListProductsEndpoint
{
    internal sealed record Item(Guid CooperativeId, ProductBody Product);
    internal sealed record Body(IReadOnlyList<Item>? Products);

    public static void Map(RouteGroupBuilder bench) => bench.MapPost("/products",
        async (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            var by = user.UserId();
            var products = (body.Products ?? []).Select(i => new CreateProduct(i.CooperativeId, by, i.Product.Sku, i.Product.Category,
                i.Product.Name, i.Product.Description, i.Product.Price, i.Product.Unit, i.Product.Stock, i.Product.Labels,
                i.Product.FoodSafetyNumber, i.Product.Province)).ToList();
            return TypedResults.Ok(await mediator.Send(new BenchListProducts(products), ct));
        });
}
