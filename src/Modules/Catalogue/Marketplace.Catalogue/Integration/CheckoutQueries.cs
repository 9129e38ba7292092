using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marketplace.Catalogue.Stock;
using Marten;
using MediatR;

namespace Marketplace.Catalogue.Integration;

internal sealed class GetProductsForCheckoutHandler(ICatalogueStore store) : IRequestHandler<GetProductsForCheckout, IReadOnlyList<CheckoutProduct>>
{
    public async Task<IReadOnlyList<CheckoutProduct>> Handle(GetProductsForCheckout query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var products = await session.LoadManyAsync<Product>(ct, query.ProductIds.Distinct());
        var suspended = (await session.LoadManyAsync<CooperativeStanding>(ct, products.Select(p => p.CooperativeId).Distinct()))
            .Where(s => s.Suspended).Select(s => s.Id).ToHashSet();
        return products.Select(p => CheckoutReservations.Answer(p, suspended)).ToList();
    }
}

internal sealed class FindProductBySkuHandler(ICatalogueStore store) : IRequestHandler<FindProductBySku, ProductState?>
{
    public async Task<ProductState?> Handle(FindProductBySku query, CancellationToken ct)
    {
        var key = query.Sku.Trim().ToUpperInvariant();
        await using var session = store.QuerySession();
        var product = await session.Query<Product>().FirstOrDefaultAsync(p => p.CooperativeId == query.CooperativeId && p.SkuKey == key, ct);
        return product?.State();
    }
}
