using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marten;
using MediatR;

namespace Marketplace.Catalogue.Integration;

// What the shop's pages ask (Marketplace.Catalogue.Contracts/Shop.cs), answered by the API's own queries.

internal sealed class SearchCatalogueHandler(IMediator mediator) : IRequestHandler<SearchCatalogue, CataloguePage>
{
    public async Task<CataloguePage> Handle(SearchCatalogue query, CancellationToken ct)
    {
        var page = await mediator.Send(new SearchProducts(Blank(query.Q), Blank(query.Category), query.CooperativeId?.ToString(),
            Blank(query.Label), Blank(query.Province), Blank(query.MinPrice), Blank(query.MaxPrice), Blank(query.Sort),
            query.Page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            query.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), query.Language, Blank(query.MinRating)), ct);
        return new CataloguePage(page.Items.Select(i => ShopViews.Of(i, purchasable: true)).ToList(), page.Total, page.Page, page.PageSize,
            page.TotalExact);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed class GetShopProductsHandler(ICatalogueStore store, CooperativeNames names, IMediator mediator) : IRequestHandler<GetShopProducts, IReadOnlyList<ShopProduct>>
{
    public async Task<IReadOnlyList<ShopProduct>> Handle(GetShopProducts query, CancellationToken ct)
    {
        if (query.ProductIds.Count == 0) return [];
        await using var session = store.QuerySession();
        var products = await session.LoadManyAsync<Product>(ct, query.ProductIds.Distinct());
        var suspended = (await session.LoadManyAsync<CooperativeStanding>(ct, products.Select(p => p.CooperativeId).Distinct()))
            .Where(s => s.Suspended).Select(s => s.Id).ToHashSet();
        var cooperatives = await names.OfAsync(mediator, products.Select(p => p.CooperativeId), ct);
        return products.Select(p => ShopViews.Of(p.ToItem(cooperatives, query.Language), p.IsPublished && !suspended.Contains(p.CooperativeId)))
            .ToList();
    }
}

internal sealed class GetProductDetailsHandler(IMediator mediator) : IRequestHandler<GetProductDetails, ProductDetails>
{
    public async Task<ProductDetails> Handle(GetProductDetails query, CancellationToken ct)
    {
        var d = await mediator.Send(new GetProduct(query.ProductId, query.Language, query.ViewerId, query.ViewerIsAdmin), ct);
        return new ProductDetails(d.Id, d.Sku, d.Category, d.CategoryName, d.Name, d.Description, d.Price.Amount, d.Price.Currency, d.Unit,
            d.Labels, d.FoodSafetyNumber, d.Province, d.ProvinceName, d.Cooperative.Id, d.Cooperative.Name, d.Status, d.Stock,
            d.Images.Select(i => i.Url).ToList(), d.PublishedAt, d.Rating.Average, d.Rating.Count, d.PictureUrl);
    }
}

internal sealed class GetCategoriesHandler : IRequestHandler<GetCategories, IReadOnlyList<CategoryNode>>
{
    private static readonly IReadOnlyList<CategoryNode> Tree = Categories.Tree.Select(Node).ToList();

    public Task<IReadOnlyList<CategoryNode>> Handle(GetCategories query, CancellationToken ct) => Task.FromResult(Tree);

    private static CategoryNode Node(Category c) => new(c.Code, c.Name.ToDictionary(), c.IsFood, c.Children.Select(Node).ToList());
}

internal static class ShopViews
{
    public static ShopProduct Of(ProductViews.Item i, bool purchasable) => new(i.Id, i.Name, i.Price.Amount, i.Price.Currency, i.Unit,
        i.Cooperative.Id, i.Cooperative.Name, i.Labels, i.Stock, i.Category, i.Province, i.ImageUrl, i.PublishedAt, purchasable,
        i.Rating.Average, i.Rating.Count);
}
